package dev.gatehouse;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * Gatehouse cannot answer right now: the database is unreachable or too slow
 * ({@link ErrorCode#UNAVAILABLE}), the password hasher is saturated ({@link ErrorCode#OVERLOADED}),
 * or a fail-closed breached-password check got no usable answer
 * ({@link ErrorCode#BREACH_CHECK_UNAVAILABLE}). Not an {@link AuthException}: the caller did nothing
 * wrong, and a web layer answers 503 with {@code Retry-After: }{@link #retryAfterSeconds()}, never
 * 401. The message is safe to show; the cause (for logs) may name internals.
 *
 * <p>An Enterprise Beans application exception: thrown out of an EJB it reaches the caller as
 * itself, not wrapped in an {@code EJBException}, and the transaction rolls back. (The annotation is
 * ignored where no EJB container runs.)
 */
@ApplicationException(rollback = true)
public final class GatehouseUnavailableException extends RuntimeException {

    private final ErrorCode code;
    private final long retryAfterSeconds;

    private GatehouseUnavailableException(ErrorCode code, String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The database (or another service Gatehouse needs, such as mail delivery) cannot be used now. */
    public static GatehouseUnavailableException unavailable(String message, long retryAfterSeconds, Throwable cause) {
        return new GatehouseUnavailableException(ErrorCode.UNAVAILABLE, Objects.requireNonNull(message), retryAfterSeconds,
                cause);
    }

    /** Too much work at once (password hashing saturated); retry shortly. */
    public static GatehouseUnavailableException overloaded(String message, long retryAfterSeconds, Throwable cause) {
        return new GatehouseUnavailableException(ErrorCode.OVERLOADED, Objects.requireNonNull(message), retryAfterSeconds,
                cause);
    }

    /** {@code breachedPasswordCheck=fail-closed} and the breach service gave no usable answer. */
    public static GatehouseUnavailableException breachCheckUnavailable(String message, long retryAfterSeconds,
                                                                       Throwable cause) {
        return new GatehouseUnavailableException(ErrorCode.BREACH_CHECK_UNAVAILABLE, Objects.requireNonNull(message),
                retryAfterSeconds, cause);
    }

    /** {@link ErrorCode#PASSKEYS_UNAVAILABLE}: passkeys are off, or no relying party is configured. */
    public static GatehouseUnavailableException passkeysUnavailable() {
        return new GatehouseUnavailableException(ErrorCode.PASSKEYS_UNAVAILABLE, "Passkeys are not available on "
                + "this server.", 3600, null);
    }

    /** {@link ErrorCode#OIDC_PROVIDER_UNAVAILABLE}: the provider did not answer, or answered nonsense. */
    public static GatehouseUnavailableException oidcProviderUnavailable(String provider, Throwable cause) {
        return new GatehouseUnavailableException(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, "Signing in with " + provider
                + " is not possible right now. Try again in a minute.", 30, cause);
    }

    /** Second factors cannot be stored here: strict mode and no {@code secretKeys} to encrypt their secrets. */
    public static GatehouseUnavailableException mfaUnavailable() {
        return new GatehouseUnavailableException(ErrorCode.MFA_UNAVAILABLE, "Two-factor sign-in is not available on "
                + "this server.", 3600, null);
    }

    /**
     * {@link ErrorCode#UNAVAILABLE}, {@link ErrorCode#OVERLOADED}, {@link ErrorCode#BREACH_CHECK_UNAVAILABLE} or
     * {@link ErrorCode#MFA_UNAVAILABLE}.
     */
    public ErrorCode code() {
        return code;
    }

    /** Seconds to wait before retrying, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
