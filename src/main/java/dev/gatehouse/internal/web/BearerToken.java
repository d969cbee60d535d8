package dev.gatehouse.internal.web;

/** Parses {@code Authorization: Bearer <token>} exactly as pyxle-auth's {@code bearer_token}. */
public final class BearerToken {

    private static final int MAX = 256;

    private BearerToken() {
    }

    /** @return the token, or null when absent or malformed */
    public static String parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = h.substring(0, space);
        String token = h.substring(space + 1).strip();
        if (!scheme.equalsIgnoreCase("bearer") || token.isEmpty() || token.length() > MAX) {
            return null;
        }
        return token;
    }
}
