package dev.gatehouse.config;

/** The validation steps the settings records share; each failure names the setting and the fix. */
final class Checks {

    private Checks() {
    }

    static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    static void positive(String setting, long value) {
        if (value <= 0) {
            fail(setting + " must be > 0 (got " + value + ")");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String masked(String secret) {
        return secret == null ? null : "***";
    }
}
