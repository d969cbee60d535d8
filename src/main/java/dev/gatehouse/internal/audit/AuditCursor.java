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

    private static final Pattern SHAPE = Pattern.compile("v1:([0-9]{1,18}):([0-9a-f]{32})");
    /** 9999-12-31T23:59:59.999999Z: later times cannot be in any of the databases. */
    private static final long MAX_MICROS = 253_402_300_799_999_999L;
    private static final int MAX_LENGTH = 96;

    String encode() {
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
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
        long micros = Long.parseLong(m.group(1)); // at most 18 digits: no overflow
        if (micros > MAX_MICROS) {
            throw invalid();
        }
        return new AuditCursor(Instant.ofEpochSecond(micros / 1_000_000L, micros % 1_000_000L * 1_000L), m.group(2));
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("cursor is not valid: pass the nextCursor of the previous page unchanged");
    }
}
