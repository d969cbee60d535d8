package dev.gatehouse;

/**
 * Gatehouse cannot answer right now: the database is unreachable or too slow, the password
 * hasher is saturated, or a fail-closed breached-password check got no usable answer. Not an {@link AuthException}: the caller did nothing wrong, and a web layer
 * should answer 503 with {@code Retry-After: }{@link #retryAfterSeconds()}, never 401.
 */
public class GatehouseUnavailableException extends RuntimeException {

    private final String code;
    private final long retryAfterSeconds;

    public GatehouseUnavailableException(String code, String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /**
     * {@code unavailable} for database trouble, {@code overloaded} for a saturated hasher,
     * {@code breach_check_unavailable} when {@code breachedPasswordCheck=fail-closed} and the breach
     * service did not answer in time or answered something unreadable (the message asks the user to retry).
     */
    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
