package dev.gatehouse;

/**
 * Every error Gatehouse reports, with its stable wire code (the {@code "code"} of an HTTP API error
 * body, {@link AuthException#code()}, {@link GatehouseUnavailableException#code()}) and the HTTP
 * status the web layer answers it with. Wire codes never change once released; new ones may be
 * added.
 */
public enum ErrorCode {
    /** A request the API cannot read: malformed JSON, a missing or mistyped field, a bad API token name or scope. */
    INVALID_REQUEST("invalid_request", 400),
    /** Input that breaks a rule (email, username, a password with an unpaired surrogate); the message says which. */
    AUTH_ERROR("auth_error", 400),
    /** A passkey registration that was not accepted; the message says why. */
    PASSKEY_REJECTED("passkey_rejected", 400),
    /** A single-use link that is unknown, expired, used or for another purpose. */
    INVALID_TOKEN("invalid_token", 400),
    /** A role that was never defined. */
    ROLE_NOT_FOUND("role_not_found", 400),
    /** Wrong identifier or password; the same answer whether or not the account exists. */
    INVALID_CREDENTIALS("invalid_credentials", 401),
    /** No caller: sign in first. */
    AUTH_REQUIRED("auth_required", 401),
    /**
     * The password was right and the account has a second factor: no session yet. The answer carries
     * {@code methods} and a pending cookie; send a code to {@code /auth/mfa/verify}.
     */
    MFA_REQUIRED("mfa_required", 401),
    /** A wrong, reused or malformed second-factor code. */
    INVALID_MFA_CODE("invalid_mfa_code", 401),
    /** No pending second-factor sign-in: none was started, it expired, or it used up its codes. Sign in again. */
    MFA_CHALLENGE_INVALID("mfa_challenge_invalid", 401),
    /**
     * A passkey sign-in or re-authentication that did not verify (unknown, used or expired challenge, unknown
     * credential, bad signature, other origin or relying party, no user verification, a sign count gone
     * backwards): one answer for all, the audit trail says which.
     */
    INVALID_PASSKEY("invalid_passkey", 401),
    /**
     * An OpenID Connect callback that did not verify (no or another browser's flow, wrong state or issuer, a provider
     * error, a code the provider refused, an ID token with a bad signature, issuer, audience, nonce or time), or a
     * provider identity that may not sign in here (no account and no sign-up): the message says what the user can do.
     */
    OIDC_FAILED("oidc_failed", 401),
    /** The account's email must be confirmed first. */
    EMAIL_NOT_VERIFIED("email_not_verified", 403),
    /** The account is disabled. */
    ACCOUNT_DISABLED("account_disabled", 403),
    /** The caller lacks the permission or role, or (for account pages) is not a browser session. */
    PERMISSION_DENIED("permission_denied", 403),
    /**
     * A sensitive action needs a recent sign-in: re-authenticate at {@code /auth/reauth} with one of the
     * answer's {@code methods}, then retry.
     */
    REAUTH_REQUIRED("reauth_required", 403),
    /** The account's roles require a second factor: this session may only enrol one. */
    MFA_ENROLMENT_REQUIRED("mfa_enrolment_required", 403),
    /** A cross-site state-changing request was refused. */
    CSRF("csrf", 403),
    /** No such API route, or the route is switched off. */
    NOT_FOUND("not_found", 404),
    /** The route exists for other methods; the answer carries {@code Allow}. */
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** The email or username is taken. */
    ACCOUNT_EXISTS("account_exists", 409),
    /** The account already has a confirmed second factor of that kind; remove it first. */
    MFA_ALREADY_ENABLED("mfa_already_enabled", 409),
    /** The account has no second factor of that kind (nothing to confirm, remove or regenerate). */
    MFA_NOT_ENABLED("mfa_not_enabled", 409),
    /** Removing it would leave the account no way to sign in (its last passkey, and no password). */
    LAST_SIGN_IN_METHOD("last_sign_in_method", 409),
    /**
     * A provider identity whose email belongs to a local account that it may not take over on its own (the provider
     * or the account has not verified the address): sign in as before and link the provider from the account.
     */
    OIDC_LINK_REQUIRED("oidc_link_required", 409),
    /** The user holds as many live API tokens as allowed. */
    TOKEN_LIMIT_REACHED("token_limit_reached", 409),
    /** The body is larger than {@code maxRequestBytes}. */
    PAYLOAD_TOO_LARGE("payload_too_large", 413),
    /** The body is not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    /** The new password breaks the password policy. */
    WEAK_PASSWORD("weak_password", 422),
    /** Too many attempts; retry after the given number of seconds. */
    RATE_LIMITED("rate_limited", 429),
    /** A fault inside Gatehouse; the details are only logged. */
    INTERNAL_ERROR("internal_error", 500),
    /** The database is unreachable or too slow, or email delivery is not configured. */
    UNAVAILABLE("unavailable", 503),
    /** Second factors cannot be stored: strict mode without {@code secretKeys}. */
    MFA_UNAVAILABLE("mfa_unavailable", 503),
    /** Passkeys are switched off here, or no relying party is configured ({@code publicBaseUrl} or {@code passkeyRpId}). */
    PASSKEYS_UNAVAILABLE("passkeys_unavailable", 503),
    /** The OpenID Connect provider could not be reached (discovery, keys or token endpoint): try again later. */
    OIDC_PROVIDER_UNAVAILABLE("oidc_provider_unavailable", 503),
    /** Password hashing is saturated. */
    OVERLOADED("overloaded", 503),
    /** {@code breachedPasswordCheck=fail-closed} and the breach service did not answer. */
    BREACH_CHECK_UNAVAILABLE("breach_check_unavailable", 503);

    private final String wire;
    private final int httpStatus;

    ErrorCode(String wire, int httpStatus) {
        this.wire = wire;
        this.httpStatus = httpStatus;
    }

    /** The stable lowercase code, e.g. {@code invalid_credentials}. */
    public String wire() {
        return wire;
    }

    /** The HTTP status the web layer answers with. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The wire code. */
    @Override
    public String toString() {
        return wire;
    }
}
