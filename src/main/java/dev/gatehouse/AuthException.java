package dev.gatehouse;

/**
 * Root of every error a user of an application can cause through Gatehouse (bad credentials,
 * weak password, expired link, ...). Each subclass has a stable {@link #code()} suitable for an
 * API response. Plain validation problems with a user-facing message are {@code AuthException}s
 * with code {@code auth_error}. Messages never contain secrets and never say whether an account
 * exists.
 *
 * <p>Infrastructure failures are not {@code AuthException}s: see {@link GatehouseUnavailableException}.
 */
public class AuthException extends RuntimeException {

    private final String code;

    public AuthException(String message) {
        this("auth_error", message);
    }

    protected AuthException(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    /** Stable machine-readable code, e.g. {@code invalid_credentials}. */
    public String code() {
        return code;
    }
}
