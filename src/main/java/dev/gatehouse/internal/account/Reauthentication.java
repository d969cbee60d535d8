package dev.gatehouse.internal.account;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.mfa.SecondFactors;
import dev.gatehouse.internal.passkey.PasskeyCeremonies;
import dev.gatehouse.passkey.InvalidPasskeyException;
import dev.gatehouse.internal.password.PasswordPolicy;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.util.EnumSet;
import java.util.OptionalInt;

/**
 * "Sudo mode": a session proves its user is present again before a sensitive action. Limited per
 * session like a password change and counted towards the account's failure lock like a sign-in.
 */
final class Reauthentication {

    private final AuthSettings settings;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final HourlyLimits limits;
    private final FailureLock failureLock;
    private final SecondFactors factors;
    private final DefaultSessionService sessions;
    private final AuditTrail trail;
    private final PasskeyCeremonies ceremonies;

    Reauthentication(AuthSettings settings, PasswordHasher hasher, PasswordPolicy policy, HourlyLimits limits,
                     FailureLock failureLock, SecondFactors factors, DefaultSessionService sessions, AuditTrail trail,
                     PasskeyCeremonies ceremonies) {
        this.ceremonies = ceremonies;
        this.settings = settings;
        this.hasher = hasher;
        this.policy = policy;
        this.limits = limits;
        this.failureLock = failureLock;
        this.factors = factors;
        this.sessions = sessions;
        this.trail = trail;
    }

    /** Whether the assertion is a verified one of the user's passkeys, answering a re-authentication challenge. */
    private boolean passkey(String userId, String credentialJson, String sessionId, String ip, String userAgent) {
        try {
            ceremonies.verifyAssertion(credentialJson, PasskeyCeremonies.Purpose.REAUTH, userId);
            return true;
        } catch (PasskeyCeremonies.Failed f) {
            trail.event(EventType.REAUTH, Outcome.FAILURE).user(userId).session(sessionId).client(ip, userAgent)
                    .detail("factor", Factor.PASSKEY.wireName()).detail("reason", f.reason()).record();
            return false;
        }
    }

    /** @param lockId the account's sign-in identifier (its failure lock) */
    void reauthenticate(UserEntity user, String lockId, String sessionId, Factor factor, String secret, String ip,
                        String userAgent) {
        if (sessionId == null || factor == null) {
            throw new IllegalArgumentException("a session and a factor are required");
        }
        boolean restricted = sessions.restricted(user.id, sessionId)
                .orElseThrow(() -> new IllegalArgumentException("no such session of this user"));
        if (restricted) {
            throw AccessDeniedException.enrolmentRequired(); // only enrolling the required factor lifts it
        }
        limits.limit("auth:reauth", "s:" + sessionId, settings.rateLimits().rateLimitPasswordChangePerHour());
        FailureLock.Attempt<Void> attempt = failureLock.countAttempt(lockId, em -> null);
        if (attempt.lockedFor().isPresent()) {
            trail.event(EventType.REAUTH, Outcome.FAILURE).user(user.id).session(sessionId).client(ip, userAgent)
                    .detail("reason", "locked").record();
            throw new RateLimitedException(attempt.lockedFor().getAsLong());
        }
        OptionalInt left = OptionalInt.empty();
        boolean ok;
        try {
            switch (factor) {
                case PASSWORD -> ok = secret != null && user.passwordHash != null && !policy.overLength(secret)
                        && hasher.verify(user.passwordHash, secret);
                case PASSKEY -> ok = passkey(user.id, secret, sessionId, ip, userAgent);
                case TOTP -> ok = factors.acceptTotp(user.id, secret);
                case RECOVERY_CODE -> {
                    left = factors.useRecoveryCode(user.id, secret);
                    ok = left.isPresent();
                }
                default -> ok = false;
            }
        } catch (GatehouseUnavailableException e) {
            failureLock.refund(lockId, e);
            throw e;
        }
        if (!ok) {
            if (factor != Factor.PASSKEY) { // a passkey's failure was recorded with its reason
                trail.event(EventType.REAUTH, Outcome.FAILURE).user(user.id).session(sessionId).client(ip, userAgent)
                        .detail("factor", factor.wireName()).record();
            }
            throw switch (factor) {
                case PASSWORD -> new InvalidCredentialsException();
                case PASSKEY -> new InvalidPasskeyException();
                default -> new InvalidMfaCodeException();
            };
        }
        failureLock.clear(lockId);
        if (!sessions.markAuthenticated(user.id, sessionId, EnumSet.of(factor))) {
            throw new IllegalArgumentException("the session ended meanwhile");
        }
        trail.event(EventType.REAUTH, Outcome.SUCCESS).user(user.id).session(sessionId).client(ip, userAgent)
                .detail("factor", factor.wireName()).record();
        left.ifPresent(n -> trail.event(EventType.RECOVERY_CODE_USED, Outcome.SUCCESS).user(user.id).session(sessionId)
                .client(ip, userAgent).detail("remaining", n).record());
    }
}
