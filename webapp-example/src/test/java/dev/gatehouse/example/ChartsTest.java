package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChartsTest {

    @Test
    void theScaleIsTheNextOfTwoFourTenTimesAPowerOfTen() {
        int[][] cases = {{0, 2}, {1, 2}, {2, 2}, {3, 4}, {4, 4}, {5, 10}, {10, 10}, {11, 20}, {21, 40}, {41, 100}, {401, 1000}};
        for (int[] c : cases) {
            assertEquals(c[1], Charts.niceCeiling(c[0]), "max " + c[0]);
        }
    }

    @Test
    void oneBarPerHourEachAsTallAsItsCountAndADescriptionForScreenReaders() {
        int[] counts = new int[24];
        counts[3] = 4;
        counts[10] = 1;
        String svg = Charts.hourly("c", "Sign-ins per hour", counts, Instant.parse("2026-03-01T00:00:00Z"), "success");
        Matcher heights = Pattern.compile("<rect class='bar success' x='[0-9.]+' y='[0-9.]+' width='[0-9.]+' height='([0-9.]+)'>")
                .matcher(svg);
        double[] h = new double[24];
        int n = 0;
        while (heights.find()) {
            h[n++] = Double.parseDouble(heights.group(1));
        }
        assertEquals(24, n);
        assertEquals(4 * h[10], h[3], 0.2, "heights in proportion to the counts");
        assertEquals(0, h[0]);
        assertTrue(svg.contains("role='img' aria-labelledby='c-title c-desc'"), svg);
        assertTrue(svg.contains("<desc id='c-desc'>5 in all; the busiest hour, 03:00 UTC, had 4.</desc>"), svg);
        assertTrue(svg.contains("<title>03:00 UTC: 4</title>"), "each bar's own tooltip");
        assertFalse(svg.contains("style="), "no inline style: the CSP allows the stylesheet only");
    }

    @Test
    void anEmptyDaySaysSo() {
        String svg = Charts.hourly("e", "Lockouts", new int[24], Instant.parse("2026-03-01T00:00:00Z"), "lockout");
        assertTrue(svg.contains("None in these hours."), svg);
    }
}
