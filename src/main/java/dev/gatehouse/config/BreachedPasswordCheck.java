package dev.gatehouse.config;

import dev.gatehouse.GatehouseUnavailableException;
import java.util.Locale;

/**
 * Whether new passwords are looked up in the Have I Been Pwned "Pwned Passwords" corpus, and what
 * happens when that service cannot answer (setting {@code breachedPasswordCheck}).
 */
public enum BreachedPasswordCheck {
    /** No lookup; no request ever leaves the server (the default). */
    OFF,
    /** Look up; when the service cannot answer in time or answers nonsense, accept the password. */
    FAIL_OPEN,
    /**
     * Look up; when the service cannot answer, refuse the new password with a
     * {@link GatehouseUnavailableException} (code {@code breach_check_unavailable}, 503).
     */
    FAIL_CLOSED;

    /** The wire name: {@code off}, {@code fail-open} or {@code fail-closed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
