package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.mfa.SecondFactors;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.MfaChallengeEntity;
import dev.gatehouse.internal.persistence.MfaChallengeRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaChallenge;
import dev.gatehouse.mfa.MfaChallengeInvalidException;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * The second step of a sign-in: a pending challenge bound to a short-lived cookie, at most
 * {@code mfaMaxCodesPerChallenge} codes per challenge (one guarded UPDATE counts each), and every
 * code counted towards the account's failure lock, which only a right second factor clears.
 */
final class MfaSignIn {

    /** A second factor checked: who, after which first factor, with what, and what a recovery code left. */
    record Passed(User user, String identifier, Factor first, Factor factor, OptionalInt recoveryCodesLeft) {
    }

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecondFactors factors;
    private final FailureLock failureLock;
    private final AuditTrail trail;
    private final MfaChallengeRepository challenges = new MfaChallengeRepository();
    private final UserRepository users = new UserRepository();

    private final java.util.function.Predicate<String> passkeyRequired;
    private final java.util.function.Predicate<String> hasPasskey;

    /**
     * @param passkeyRequired whether a user without an authenticator app must still prove a second factor with a
     *                        passkey (the user's roles require one and the user has a passkey)
     * @param hasPasskey      whether a passkey is one of the user's ways to complete the sign-in
     */
    MfaSignIn(Transactions tx, AuthSettings settings, Clock clock, SecondFactors factors, FailureLock failureLock,
              AuditTrail trail, java.util.function.Predicate<String> passkeyRequired,
              java.util.function.Predicate<String> hasPasskey) {
        this.passkeyRequired = passkeyRequired;
        this.hasPasskey = hasPasskey;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.factors = factors;
        this.failureLock = failureLock;
        this.trail = trail;
    }

    /**
     * Whether a right password must be followed by a second factor: the user has an authenticator app, or the
     * user's roles require a second factor and the user has a passkey to give it with.
     */
    boolean due(String userId) {
        return factors.totpEnabled(userId) || passkeyRequired.test(userId);
    }

    /** Opens the challenge a right password earned: no session, a pending cookie. */
    MfaChallenge open(User user, String identifier, String ip, String userAgent) {
        return open(user, identifier, ip, userAgent, Factor.PASSWORD);
    }

    /** Opens the challenge a first factor ({@code first}: the password, or a provider's sign-in) earned. */
    MfaChallenge open(User user, String identifier, String ip, String userAgent, Factor first) {
        String raw = SecureTokens.newToken();
        Instant now = Clocks.now(clock);
        MfaChallengeEntity c = new MfaChallengeEntity();
        c.tokenSha256 = SecureTokens.sha256Hex(raw);
        c.userId = user.id();
        c.identifier = identifier;
        c.createdAt = now;
        c.expiresAt = now.plusSeconds(settings.security().mfaChallengeSeconds());
        c.attempts = 0;
        c.ip = AuditTrail.clip(ip, 64);
        c.userAgent = AuditTrail.clip(userAgent, 512);
        c.firstFactor = first == Factor.PASSWORD ? null : first.wireName();
        tx.run(em -> {
            challenges.deleteExpired(em, now);
            challenges.insert(em, c);
        });
        List<String> methods = new java.util.ArrayList<>(3);
        if (factors.totpEnabled(user.id())) {
            methods.add(Factor.TOTP.wireName());
            methods.add(Factor.RECOVERY_CODE.wireName());
        }
        if (hasPasskey.test(user.id())) {
            methods.add(Factor.PASSKEY.wireName());
        }
        return new MfaChallenge(cookie(raw, settings.security().mfaChallengeSeconds()), methods, c.expiresAt);
    }

    /** The pending cookie with this value; an empty value and max-age 0 delete it. */
    SessionCookie cookie(String value, long maxAge) {
        var s = settings.sessions();
        return new SessionCookie(s.mfaCookieName(), value, maxAge, s.cookieSecure(), true, "Strict", "/", null);
    }

    /**
     * Checks a code against a pending challenge and ends the challenge when it passes.
     *
     * @throws MfaChallengeInvalidException no live challenge with codes left for this cookie
     * @throws InvalidMfaCodeException      wrong, reused or malformed code
     * @throws RateLimitedException         the account's failure lock
     * @throws AccountDisabledException     the account was disabled meanwhile
     */
    Passed check(String pendingValue, String code, String ip) {
        if (!SecureTokens.isWellFormed(pendingValue)) {
            throw new MfaChallengeInvalidException();
        }
        String hash = SecureTokens.sha256Hex(pendingValue);
        Instant now = Clocks.now(clock);
        MfaChallengeEntity c = tx.inTransaction(em -> challenges.find(em, hash));
        if (c == null || !c.expiresAt.isAfter(now)) {
            throw new MfaChallengeInvalidException();
        }
        int max = settings.security().mfaMaxCodesPerChallenge();
        FailureLock.Attempt<Integer> attempt = failureLock.countAttempt(c.identifier,
                em -> challenges.countAttempt(em, hash, max, now));
        if (attempt.lockedFor().isPresent()) {
            trail.event(EventType.SIGN_IN_LOCKED, Outcome.FAILURE).user(c.userId).client(ip, null)
                    .detail("step", "mfa").record();
            throw new RateLimitedException(attempt.lockedFor().getAsLong());
        }
        if (attempt.found() != 1) {
            throw new MfaChallengeInvalidException(); // expired or out of codes meanwhile
        }
        Factor factor = SecondFactors.looksLikeTotp(code) ? Factor.TOTP : Factor.RECOVERY_CODE;
        OptionalInt left = OptionalInt.empty();
        boolean ok;
        if (factor == Factor.TOTP) {
            ok = factors.acceptTotp(c.userId, code);
        } else {
            left = factors.useRecoveryCode(c.userId, code);
            ok = left.isPresent();
        }
        if (!ok) {
            trail.event(EventType.SIGN_IN_MFA, Outcome.FAILURE).user(c.userId).client(ip, null)
                    .detail("factor", factor.wireName()).detail("attempt", c.attempts + 1).record();
            throw new InvalidMfaCodeException();
        }
        UserEntity user = tx.inTransaction(em -> {
            challenges.delete(em, hash);
            return users.byId(em, c.userId).orElse(null);
        });
        if (user == null) {
            throw new MfaChallengeInvalidException();
        }
        if (user.disabledAt != null) {
            throw new AccountDisabledException();
        }
        Factor first = c.firstFactor == null ? Factor.PASSWORD : Factor.fromWire(c.firstFactor).orElse(Factor.PASSWORD);
        return new Passed(user.toUser(), c.identifier, first, factor, left);
    }
}
