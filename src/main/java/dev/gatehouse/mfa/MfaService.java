package dev.gatehouse.mfa;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.ratelimit.RateLimitedException;

/**
 * A user's second factors: enrol an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s), confirm
 * it with a first code, remove it, and manage the single-use recovery codes that stand in for it.
 * These methods do not check who asks: the HTTP API lets only the account's own session, recently
 * re-authenticated, call them, and {@link #reset} is for administrators and the command line.
 * Thread-safe.
 *
 * <p>Secrets are stored encrypted (AES-256-GCM) under the keyring ({@code secretKeys}); a rotated key
 * keeps opening what it sealed while it stays in the keyring, and each secret is re-sealed under the
 * newest key the next time it is used.
 */
public interface MfaService {

    /**
     * Starts (or restarts) a TOTP enrolment: a new secret, its {@code otpauth://} URI and QR code.
     * Until {@link #confirmTotp} accepts a code from it, sign-in does not ask for it.
     *
     * @throws MfaStateException             {@code mfa_already_enabled}: a confirmed one exists
     * @throws GatehouseUnavailableException {@code mfa_unavailable}: strict mode without {@code secretKeys}
     * @throws IllegalArgumentException      no such user
     */
    TotpEnrolment beginTotp(String userId);

    /**
     * Activates the pending enrolment with a first code from the app and issues the first recovery
     * codes (shown once). Counts towards the account's failure lock like a sign-in.
     *
     * @throws InvalidMfaCodeException wrong or malformed code
     * @throws MfaStateException       {@code mfa_not_enabled}: nothing pending; {@code mfa_already_enabled}: already confirmed
     * @throws RateLimitedException    the account's failure lock
     */
    RecoveryCodes confirmTotp(String userId, String code);

    /**
     * Removes the TOTP factor and the recovery codes; sign-in asks for the password only again.
     *
     * @return false when there was none
     */
    boolean removeTotp(String userId);

    /**
     * Voids every recovery code and issues ten new ones (shown once).
     *
     * @throws MfaStateException {@code mfa_not_enabled}: without an active factor there is nothing to recover
     */
    RecoveryCodes regenerateRecoveryCodes(String userId);

    /** The user's factors; all false and zero for an unknown user. */
    MfaStatus status(String userId);

    /**
     * An administrator's or operator's reset: removes every factor of the user, ends the user's sessions,
     * records who did it, and sends the owner a notice.
     *
     * @param actor who resets it (a user id, or {@code cli} for the command line), for the audit trail
     * @return false when the user had no factor
     */
    boolean reset(String userId, String actor);
}
