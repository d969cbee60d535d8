package dev.gatehouse.internal.audit;

import dev.gatehouse.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the trail ended: the last event's time (µs) and id, as an opaque base64url token.
 * Nothing in it is secret; a cursor edited into another well-formed one just starts elsewhere.
 */
record AuditCursor(Instant at, String id) {

    private static final Pattern SHAPE = Pattern.compile("v1:(-?[0-9]{1,19}):([0-9a-f]{32})");
    private static final int MAX_LENGTH = 96;

    String encode() {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("v1:" + micros + ":" + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws InvalidRequestException not a cursor this log handed out */
    static AuditCursor decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw invalid();
        }
        try {
            long micros = Long.parseLong(m.group(1));
            return new AuditCursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), m.group(2));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            throw invalid();
        }
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor is not valid: pass the nextCursor of the previous page unchanged");
    }
}
