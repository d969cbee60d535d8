package dev.gatehouse.example;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Bar charts drawn on the server as SVG: no script, no chart library, nothing the CSP has to allow (colours come
 * from the stylesheet's classes). Each chart is an image with a title and a text description for screen readers,
 * and each bar carries its own tooltip.
 */
final class Charts {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 190;
    private static final int LEFT = 36;
    private static final int RIGHT = 8;
    private static final int TOP = 12;
    private static final int BOTTOM = 26;

    private Charts() {
    }

    /** One bar per hour from {@code start}; {@code kind} is the bars' class ({@code failure}, {@code lockout}...). */
    static String hourly(String id, String title, int[] counts, Instant start, String kind) {
        int max = Arrays.stream(counts).max().orElse(0);
        int scale = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double slot = plotW / counts.length;
        StringBuilder svg = new StringBuilder("<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 " + WIDTH + " " + HEIGHT
                + "' role='img' aria-labelledby='" + id + "-title " + id + "-desc'><title id='" + id + "-title'>"
                + Page.esc(title) + "</title><desc id='" + id + "-desc'>" + Page.esc(describe(counts, start)) + "</desc>");
        for (int i = 0; i <= 2; i++) {
            double y = TOP + plotH - plotH * i / 2;
            svg.append("<line class='grid-line' x1='").append(LEFT).append("' x2='").append(WIDTH - RIGHT).append("' y1='")
                    .append(fmt(y)).append("' y2='").append(fmt(y)).append("'/><text x='").append(LEFT - 6).append("' y='")
                    .append(fmt(y + 4)).append("' text-anchor='end'>").append(scale * i / 2).append("</text>");
        }
        for (int i = 0; i < counts.length; i++) {
            double h = scale == 0 ? 0 : plotH * counts[i] / scale;
            double x = LEFT + i * slot + slot * 0.15;
            Instant hour = start.plusSeconds(3600L * i);
            svg.append("<rect class='bar ").append(kind).append("' x='").append(fmt(x)).append("' y='")
                    .append(fmt(TOP + plotH - h)).append("' width='").append(fmt(slot * 0.7)).append("' height='")
                    .append(fmt(h)).append("'><title>").append(HOUR.format(hour)).append(" UTC: ").append(counts[i])
                    .append("</title></rect>");
            if (i % 6 == 0) {
                svg.append("<text x='").append(fmt(x)).append("' y='").append(HEIGHT - 8).append("'>")
                        .append(HOUR.format(hour)).append("</text>");
            }
        }
        svg.append("<line class='axis' x1='").append(LEFT).append("' x2='").append(WIDTH - RIGHT).append("' y1='")
                .append(fmt(TOP + plotH)).append("' y2='").append(fmt(TOP + plotH)).append("'/></svg>");
        return "<figure class='chart' id='" + id + "'>" + svg + "<figcaption>" + Page.esc(title) + ": "
                + Arrays.stream(counts).sum() + " in the last " + counts.length + " hours (UTC)</figcaption></figure>";
    }

    /** The smallest of 2, 4, 10, 20, 40, 100... at or above {@code max}: gridlines at half and full. */
    static int niceCeiling(int max) {
        if (max <= 0) {
            return 2;
        }
        int step = 1;
        while (true) {
            for (int m : new int[] {2, 4, 10}) {
                if (m * step >= max) {
                    return m * step;
                }
            }
            step *= 10;
        }
    }

    private static String describe(int[] counts, Instant start) {
        int busiest = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[busiest]) {
                busiest = i;
            }
        }
        int total = Arrays.stream(counts).sum();
        return total == 0 ? "None in these hours." : total + " in all; the busiest hour, " + HOUR.format(
                start.plusSeconds(3600L * busiest)) + " UTC, had " + counts[busiest] + ".";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
