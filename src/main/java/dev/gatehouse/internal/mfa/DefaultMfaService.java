package dev.gatehouse.internal.mfa;

import dev.gatehouse.User;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.MfaChallengeRepository;
import dev.gatehouse.internal.persistence.MfaRepository;
import dev.gatehouse.internal.persistence.SessionRepository;
import dev.gatehouse.internal.persistence.TotpEntity;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.role.DefaultRoleService;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.mfa.MfaStateException;
import dev.gatehouse.mfa.MfaStatus;
import dev.gatehouse.mfa.RecoveryCodes;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.role.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/** TOTP enrolment and recovery codes; the checks at sign-in are {@link SecondFactors}'. */
public final class DefaultMfaService implements MfaService {

    /** Confirmation codes one user may try per hour (a typo-prone step, but not a guessing oracle). */
    static final int CONFIRM_ATTEMPTS_PER_HOUR = 10;

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final SecondFactors factors;
    private final DbRateLimiter limiter;
    private final ResolveCache cache;
    private final DefaultRoleService roles;
    private final AuditTrail trail;
    private final MfaRepository rows = new MfaRepository();
    private final MfaChallengeRepository challenges = new MfaChallengeRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final UserRepository users = new UserRepository();

    public DefaultMfaService(Transactions tx, AuthSettings settings, Clock clock, SecondFactors factors,
                             DbRateLimiter limiter, ResolveCache cache, DefaultRoleService roles, AuditTrail trail) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.factors = factors;
        this.limiter = limiter;
        this.cache = cache;
        this.roles = roles;
        this.trail = trail;
    }

    @Override
    public TotpEnrolment beginTotp(String userId) {
        User user = user(userId);
        byte[] secret = Totp.newSecret();
        String sealed = factors.box().seal(secret, user.id());
        Instant now = Clocks.now(clock);
        if (!tx.inTransaction(em -> rows.savePending(em, user.id(), sealed, now))) {
            throw MfaStateException.alreadyEnabled();
        }
        String account = user.email() != null ? user.email() : user.username();
        String uri = OtpAuthUri.of(settings.security().totpIssuer(), account, secret);
        return new TotpEnrolment(Base32.encode(secret), uri, QrSvg.svg(uri));
    }

    @Override
    public RecoveryCodes confirmTotp(String userId, String code) {
        User user = user(userId);
        RateLimitDecision d = limiter.hit("auth:mfa-confirm", user.id(), CONFIRM_ATTEMPTS_PER_HOUR, Duration.ofHours(1));
        if (!d.allowed()) {
            throw new RateLimitedException(d.retryAfterSeconds());
        }
        TotpEntity row = tx.inTransaction(em -> rows.totp(em, user.id()));
        if (row == null) {
            throw MfaStateException.notEnabled();
        }
        if (row.confirmedAt != null) {
            throw MfaStateException.alreadyEnabled();
        }
        OptionalLong step = Totp.matchingStep(factors.open(row), code, Clocks.now(clock));
        if (step.isEmpty()) {
            throw new InvalidMfaCodeException();
        }
        List<String> codes = dev.gatehouse.internal.mfa.RecoveryCodes.generate();
        Instant now = Clocks.now(clock);
        boolean confirmed = tx.inTransaction(em -> {
            if (rows.confirm(em, user.id(), row.secretSealed, step.getAsLong(), now) != 1) {
                return false; // a concurrent confirmation or a restarted enrolment won
            }
            rows.replaceRecoveryCodes(em, user.id(), hashes(codes), now);
            cache.announceUser(em, user.id());
            return true;
        });
        if (!confirmed) {
            throw new InvalidMfaCodeException();
        }
        cache.invalidateUser(user.id());
        trail.event(EventType.MFA_ENABLED, Outcome.SUCCESS).user(user.id()).detail("factor", "totp").record();
        return new RecoveryCodes(codes);
    }

    @Override
    public boolean removeTotp(String userId) {
        boolean removed = remove(userId, false);
        if (removed) {
            trail.event(EventType.MFA_DISABLED, Outcome.SUCCESS).user(userId).detail("factor", "totp").record();
        }
        return removed;
    }

    @Override
    public RecoveryCodes regenerateRecoveryCodes(String userId) {
        User user = user(userId);
        List<String> codes = dev.gatehouse.internal.mfa.RecoveryCodes.generate();
        Instant now = Clocks.now(clock);
        boolean done = tx.inTransaction(em -> {
            TotpEntity row = rows.totp(em, user.id());
            if (row == null || row.confirmedAt == null) {
                return false;
            }
            rows.replaceRecoveryCodes(em, user.id(), hashes(codes), now);
            return true;
        });
        if (!done) {
            throw MfaStateException.notEnabled();
        }
        trail.event(EventType.RECOVERY_CODES_REGENERATED, Outcome.SUCCESS).user(user.id()).record();
        return new RecoveryCodes(codes);
    }

    @Override
    public MfaStatus status(String userId) {
        if (userId == null) {
            return new MfaStatus(false, null, 0, false);
        }
        return tx.inTransaction(em -> {
            TotpEntity row = rows.totp(em, userId);
            boolean enabled = row != null && row.confirmedAt != null;
            return new MfaStatus(enabled, enabled ? row.confirmedAt : null, rows.unusedRecoveryCodes(em, userId),
                    required(userId));
        });
    }

    @Override
    public boolean reset(String userId, String actor) {
        boolean removed = remove(userId, true);
        if (removed) {
            trail.event(EventType.MFA_RESET, Outcome.SUCCESS).user(userId).actor(actor).record();
        }
        return removed;
    }

    /** Whether the user's roles oblige a second factor ({@code mfaRequiredRoles}). */
    public boolean required(String userId) {
        if (settings.security().mfaRequiredRoles().isEmpty()) {
            return false;
        }
        return settings.security().mfaRequiredFor(roles.grantedRoles(userId).stream().map(Role::name).toList());
    }

    /** Deletes the factor, its recovery codes and pending sign-ins; with {@code endSessions} every session too. */
    private boolean remove(String userId, boolean endSessions) {
        if (userId == null) {
            return false;
        }
        boolean removed = tx.inTransaction(em -> {
            int n = rows.deleteTotp(em, userId);
            rows.deleteRecoveryCodes(em, userId);
            challenges.deleteAllOf(em, userId);
            if (endSessions) {
                sessions.deleteAllOf(em, userId);
            }
            cache.announceUser(em, userId);
            return n > 0;
        });
        cache.invalidateUser(userId);
        return removed;
    }

    private User user(String userId) {
        return (userId == null ? java.util.Optional.<UserEntity>empty() : tx.inTransaction(em -> users.byId(em, userId)))
                .map(UserEntity::toUser).orElseThrow(() -> new IllegalArgumentException("No user with id '" + userId + "'"));
    }

    private static List<String> hashes(List<String> codes) {
        return codes.stream().map(c -> dev.gatehouse.internal.mfa.RecoveryCodes.hash(
                dev.gatehouse.internal.mfa.RecoveryCodes.normalise(c).orElseThrow())).toList();
    }
}
