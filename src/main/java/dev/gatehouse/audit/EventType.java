package dev.gatehouse.audit;

import java.util.Optional;

/** What a {@link SecurityEvent} records; {@link #wireName()} is stable once released and is what the table holds. */
public enum EventType {
    /** An account was created. */
    SIGN_UP("sign_up"),
    /** A sign-in with the password: success (a session, or a second factor is asked next) or failure. */
    SIGN_IN("sign_in"),
    /** A sign-in refused by the account's failure lock or a rate limit. */
    SIGN_IN_LOCKED("sign_in.locked"),
    /** The second step of a sign-in: a TOTP or recovery code checked. */
    SIGN_IN_MFA("sign_in.mfa"),
    /** A session ended by signing out. */
    SIGN_OUT("sign_out"),
    /** A session was opened. */
    SESSION_CREATED("session.created"),
    /** Sessions were ended by their owner, a password change, an administrator or the command line. */
    SESSION_REVOKED("session.revoked"),
    /** A session re-authenticated for a sensitive action. */
    REAUTH("reauth"),
    /** An API token was created. */
    TOKEN_CREATED("token.created"),
    /** An API token was revoked. */
    TOKEN_REVOKED("token.revoked"),
    /** The password was changed by its owner. */
    PASSWORD_CHANGED("password.changed"),
    /** A password-reset link was asked for. */
    PASSWORD_RESET_REQUESTED("password.reset_requested"),
    /** The password was set through a reset link. */
    PASSWORD_RESET("password.reset"),
    /** An email-verification link was confirmed. */
    EMAIL_VERIFIED("email.verified"),
    /** A change of email address was asked for (a link went to the new address). */
    EMAIL_CHANGE_REQUESTED("email.change_requested"),
    /** The email address was changed. */
    EMAIL_CHANGED("email.changed"),
    /** An authenticator app was enrolled (confirmed). */
    MFA_ENABLED("mfa.enabled"),
    /** An authenticator app was removed by its owner. */
    MFA_DISABLED("mfa.disabled"),
    /** An administrator or the command line removed a user's second factors. */
    MFA_RESET("mfa.reset"),
    /** New recovery codes were issued. */
    RECOVERY_CODES_REGENERATED("mfa.recovery_codes_regenerated"),
    /** A recovery code was used. */
    RECOVERY_CODE_USED("mfa.recovery_code_used"),
    /** A passkey was registered. */
    PASSKEY_REGISTERED("passkey.registered"),
    /** A passkey was renamed by its owner. */
    PASSKEY_RENAMED("passkey.renamed"),
    /** A passkey was deleted by its owner (or an administrator, named as actor). */
    PASSKEY_REMOVED("passkey.removed"),
    /** An OpenID Connect identity was linked to an account (detail {@code provider}, {@code how}: auto, link, sign_up). */
    OIDC_LINKED("oidc.linked"),
    /** An OpenID Connect identity was unlinked by the account's owner. */
    OIDC_UNLINKED("oidc.unlinked"),
    /** A role was granted. */
    ROLE_GRANTED("role.granted"),
    /** A role was revoked. */
    ROLE_REVOKED("role.revoked"),
    /** An administrator or the command line changed an account (disable, enable, delete) or a role. */
    ADMIN_ACTION("admin.action"),
    /** A cross-site state-changing request was refused. */
    CSRF_REFUSED("csrf.refused"),
    /** A guard refused a caller (401 or 403). */
    ACCESS_DENIED("access.denied");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    /** The stable name, e.g. {@code sign_in.mfa}. */
    public String wireName() {
        return wire;
    }

    /** The type with this wire name, if any. */
    public static Optional<EventType> fromWire(String name) {
        for (EventType t : values()) {
            if (t.wire.equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
