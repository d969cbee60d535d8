package dev.gatehouse.config;

import java.util.Locale;

/** Which field identifies an account at sign-in. */
public enum Identifier {
    EMAIL, USERNAME;

    /** The lowercase wire name, {@code email} or {@code username}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Identifier parse(String raw) {
        String v = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("email")) {
            return EMAIL;
        }
        if (v.equals("username")) {
            return USERNAME;
        }
        throw new IllegalArgumentException("identifier must be 'email' or 'username' (got '" + raw + "')");
    }
}
