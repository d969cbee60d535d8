package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;

import java.util.Set;

/**
 * Second factors, re-authentication, and the audit trail.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is out of range; the message
 * names the setting and the fix. Strict mode's rule (required second factors need {@code secretKeys})
 * is checked by {@link AuthSettings}.
 *
 * @param mfaRequiredRoles      roles whose holders must sign in with a second factor; a holder without
 *                              one is sent to enrolment after sign-in and can do nothing else. Empty: a
 *                              second factor is each user's choice
 * @param mfaChallengeSeconds   how long a sign-in whose password was right waits for its second factor
 * @param mfaMaxCodesPerChallenge codes one pending sign-in may try before it must start again
 * @param reauthWindowSeconds   how long after signing in or re-authenticating a session may do sensitive
 *                              things (create API tokens, change the password or email, change factors, revoke
 *                              other devices, administer)
 * @param totpIssuer            the issuer authenticator apps show next to the account name
 * @param auditRetentionDays    how long audit events are kept; housekeeping deletes older ones
 * @param securityNotices       email the account's owner on a new-device sign-in, a password, email or
 *                              second-factor change and a recovery-code use (needs a mailer)
 */
public record AccountSecuritySettings(
        Set<String> mfaRequiredRoles,
        long mfaChallengeSeconds,
        int mfaMaxCodesPerChallenge,
        long reauthWindowSeconds,
        String totpIssuer,
        int auditRetentionDays,
        boolean securityNotices) {

    public AccountSecuritySettings {
        mfaRequiredRoles = mfaRequiredRoles == null ? Set.of() : Set.copyOf(mfaRequiredRoles);
        if (mfaChallengeSeconds < 30 || mfaChallengeSeconds > 1800) {
            fail("mfaChallengeSeconds must be between 30 and 1800 (got " + mfaChallengeSeconds + ")");
        }
        if (mfaMaxCodesPerChallenge < 1 || mfaMaxCodesPerChallenge > 10) {
            fail("mfaMaxCodesPerChallenge must be between 1 and 10 (got " + mfaMaxCodesPerChallenge + ")");
        }
        if (reauthWindowSeconds < 30 || reauthWindowSeconds > 86_400) {
            fail("reauthWindowSeconds must be between 30 and 86400 (got " + reauthWindowSeconds + ")");
        }
        if (totpIssuer == null || totpIssuer.isBlank() || totpIssuer.length() > 64 || totpIssuer.contains(":")
                || totpIssuer.chars().anyMatch(Character::isISOControl)) {
            fail("totpIssuer must be 1-64 characters without ':' or control characters (got '" + totpIssuer + "')");
        }
        if (auditRetentionDays < 1) {
            fail("auditRetentionDays must be >= 1 (got " + auditRetentionDays + ")");
        }
    }

    /** Whether holding {@code roles} obliges a second factor. */
    public boolean mfaRequiredFor(java.util.Collection<String> roles) {
        return roles.stream().anyMatch(mfaRequiredRoles::contains);
    }
}
