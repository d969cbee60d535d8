package dev.gatehouse.internal.password;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reads a Pwned Passwords range answer: one {@code SUFFIX:COUNT} per line (35 hex digits, CRLF or
 * LF). Padding entries have count 0 and so never refuse a password. Anything else means the
 * answer is not a range answer (an error page, a captive portal, a truncated body), and the
 * whole answer is distrusted rather than half-read.
 */
final class RangeAnswer {

    private static final Pattern LINE = Pattern.compile("[0-9A-Fa-f]{35}:[0-9]{1,15}");

    private RangeAnswer() {
    }

    /** @return the count for this suffix (0 when absent or padding) */
    static long timesSeen(byte[] body, String suffix) throws BreachCorpusUnavailableException {
        String text = new String(body, StandardCharsets.US_ASCII);
        String[] lines = text.split("\r?\n", -1);
        int last = lines.length;
        if (last > 0 && lines[last - 1].isEmpty()) {
            last--; // a final line break
        }
        if (last == 0) {
            throw new BreachCorpusUnavailableException("empty answer", null);
        }
        long seen = 0;
        for (int i = 0; i < last; i++) {
            String line = lines[i];
            if (!LINE.matcher(line).matches()) {
                throw new BreachCorpusUnavailableException("answer line " + (i + 1) + " is not SUFFIX:COUNT", null);
            }
            if (line.regionMatches(true, 0, suffix, 0, 35)) {
                seen = Math.max(seen, Long.parseLong(line.substring(36)));
            }
        }
        return seen;
    }
}
