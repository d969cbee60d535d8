package dev.gatehouse.config;

import java.util.Locale;

/** Which field identifies an account at sign-in. */
public enum Identifier {
    EMAIL, USERNAME;

    /** The lowercase wire name, {@code email} or {@code username}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
