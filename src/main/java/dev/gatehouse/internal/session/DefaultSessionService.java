package dev.gatehouse.internal.session;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.SessionEntity;
import dev.gatehouse.internal.persistence.SessionRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.session.Authentication;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.session.SessionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** Sessions keyed by the SHA-256 of a 256-bit cookie value; sliding expiry under an absolute cap. */
public final class DefaultSessionService implements SessionService {

    /** The restriction of a session that may only enrol a required second factor. */
    static final String RESTRICTION_ENROL = "mfa_enrolment";

    /** Expiry moves are written only when they move by more than this (one write a minute at most). */
    private static final Duration WRITE_THROTTLE = Duration.ofSeconds(60);

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final ResolveCache cache;
    private final Metrics metrics;
    private final AuditTrail trail;
    private final SessionRepository rows = new SessionRepository();
    private final UserRepository users = new UserRepository();

    public DefaultSessionService(Transactions tx, AuthSettings settings, Clock clock, ResolveCache cache) {
        this(tx, settings, clock, cache, Metrics.NOOP, AuditTrail.logOnly(clock));
    }

    public DefaultSessionService(Transactions tx, AuthSettings settings, Clock clock, ResolveCache cache, Metrics metrics,
                                 AuditTrail trail) {
        this.metrics = metrics;
        this.trail = trail;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public SessionCookie start(String userId, String ip, String userAgent) {
        return start(userId, ip, userAgent, EnumSet.of(Factor.PASSWORD), false);
    }

    /**
     * Opens a session whose user just proved who they are with {@code factors}.
     *
     * @param restricted the session may only enrol a second factor its user's roles require
     */
    public SessionCookie start(String userId, String ip, String userAgent, Set<Factor> factors, boolean restricted) {
        String raw = SecureTokens.newToken();
        Instant now = Clocks.now(clock);
        SessionEntity s = new SessionEntity();
        s.tokenSha256 = SecureTokens.sha256Hex(raw);
        s.userId = userId;
        s.createdAt = now;
        s.expiresAt = now.plusSeconds(settings.sessions().sessionLifetimeSeconds());
        s.ip = clip(ip, 64);
        s.userAgent = clip(userAgent, 512);
        s.authenticatedAt = now;
        s.factors = Factors.write(factors);
        s.restriction = restricted ? RESTRICTION_ENROL : null;
        List<String> ended = tx.inTransaction(em -> {
            if (userId == null || users.find(em, userId) == null) {
                throw new IllegalArgumentException("No user with id '" + userId + "'");
            }
            rows.insert(em, s);
            List<String> oldest = settings.sessions().maxSessionsPerUser() > 0
                    ? rows.deleteOldest(em, userId, s.tokenSha256, settings.sessions().maxSessionsPerUser() - 1) : List.of();
            oldest.forEach(hash -> cache.announce(em, new CacheKey.SessionRow(hash)));
            return oldest;
        });
        ended.forEach(hash -> cache.remove(new CacheKey.SessionRow(hash)));
        trail.event(EventType.SESSION_CREATED, Outcome.SUCCESS).user(userId).session(s.tokenSha256).client(ip, userAgent)
                .detail("factors", s.factors).detail("restricted", restricted ? "mfa_enrolment" : null).record();
        metrics.sessionCreated();
        metrics.sessionsRevoked("cap", ended.size());
        if (!ended.isEmpty()) {
            trail.event(EventType.SESSION_REVOKED, Outcome.SUCCESS).user(userId).client(ip, userAgent)
                    .detail("reason", "max_sessions").detail("count", ended.size()).record();
        }
        return cookie(raw, s.expiresAt);
    }

    @Override
    public Optional<ResolvedSession> resolve(String cookieValue, boolean extend) {
        return metrics.timeCallerResolution("session", () -> lookup(cookieValue, extend));
    }

    private Optional<ResolvedSession> lookup(String cookieValue, boolean extend) {
        if (!SecureTokens.isWellFormed(cookieValue)) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256Hex(cookieValue);
        CacheKey.SessionRow key = new CacheKey.SessionRow(hash);
        CacheKey.CachedSession hit = cache.get(key);
        if (hit != null) {
            Instant now = Clocks.now(clock);
            Instant deadline = hit.createdAt().plusSeconds(settings.sessions().sessionAbsoluteMaxSeconds());
            boolean alive = !hit.expiresAt().isBefore(now) && !now.isAfter(deadline);
            boolean renewalDue = extend && Duration.between(hit.expiresAt(),
                    min(now.plusSeconds(settings.sessions().sessionLifetimeSeconds()), deadline)).compareTo(WRITE_THROTTLE) > 0;
            if (alive && !renewalDue) {
                return Optional.of(resolved(hash, hit, false, now));
            }
            cache.remove(key); // expired or due for its once-a-minute write: ask the database
        }
        long stamp = cache.stamp();
        Optional<Row> found = resolveInDatabase(hash, extend);
        found.ifPresent(r -> cache.put(key, r.session().user().id(), r.session(), stamp));
        return found.map(r -> resolved(hash, r.session(), r.renewed(), Clocks.now(clock)));
    }

    private record Row(CacheKey.CachedSession session, boolean renewed) {
    }

    private ResolvedSession resolved(String hash, CacheKey.CachedSession s, boolean renewed, Instant now) {
        boolean recent = !now.isAfter(s.authenticatedAt().plusSeconds(settings.security().reauthWindowSeconds()));
        Authentication auth = new Authentication(s.authenticatedAt(), Factors.read(s.factors()), recent, s.reauthMethods());
        return new ResolvedSession(s.user(), hash, s.createdAt(), s.expiresAt(), renewed, auth, s.restricted());
    }

    /**
     * Records that the session's user just proved who they are again with {@code factors}; never lifts a
     * restriction ({@link #liftRestriction} does).
     *
     * @return false when the session is not the user's or may only enrol a second factor
     */
    public boolean markAuthenticated(String userId, String sessionId, Set<Factor> factors) {
        return mark(userId, sessionId, factors, false);
    }

    /**
     * Whether the user's session may only enrol a second factor; empty when no such session of the user
     * exists (expired ones included: the caller resolved it moments ago).
     */
    public Optional<Boolean> restricted(String userId, String sessionId) {
        if (userId == null || sessionId == null) {
            return Optional.empty();
        }
        return tx.inTransaction(em -> Optional.ofNullable(em.find(SessionEntity.class, sessionId))
                .filter(row -> row.userId.equals(userId)).map(row -> row.restriction != null));
    }

    /** A session that could only enrol becomes a full one: its user just enrolled the required factor. */
    public boolean liftRestriction(String userId, String sessionId, Set<Factor> factors) {
        return mark(userId, sessionId, factors, true);
    }

    private boolean mark(String userId, String sessionId, Set<Factor> factors, boolean lift) {
        if (userId == null || sessionId == null) {
            return false;
        }
        Instant now = Clocks.now(clock);
        boolean done = tx.inTransaction(em -> {
            int n = rows.markAuthenticated(em, userId, sessionId, now, Factors.write(factors), lift);
            if (n > 0) {
                cache.announce(em, new CacheKey.SessionRow(sessionId));
            }
            return n;
        }) > 0;
        cache.remove(new CacheKey.SessionRow(sessionId));
        return done;
    }

    /**
     * What the user can re-authenticate with: the password if the account has one, the app's codes, passkeys, a
     * linked sign-in provider.
     */
    private static List<String> reauthMethods(SessionRepository.WithUser row) {
        List<String> methods = new java.util.ArrayList<>(4);
        if (row.user().passwordHash != null) {
            methods.add(Factor.PASSWORD.wireName());
        }
        if (row.totpEnabled()) {
            methods.add(Factor.TOTP.wireName());
            methods.add(Factor.RECOVERY_CODE.wireName());
        }
        if (row.passkeys()) {
            methods.add(Factor.PASSKEY.wireName());
        }
        if (row.identities()) {
            methods.add(Factor.OIDC.wireName());
        }
        return List.copyOf(methods);
    }

    private Optional<Row> resolveInDatabase(String hash, boolean extend) {
        return tx.inTransaction(em -> {
            Optional<SessionRepository.WithUser> row = rows.findWithUser(em, hash);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            SessionEntity s = row.get().session();
            UserEntity u = row.get().user();
            Instant now = Clocks.now(clock);
            Instant deadline = s.createdAt.plusSeconds(settings.sessions().sessionAbsoluteMaxSeconds());
            if (s.expiresAt.isBefore(now) || now.isAfter(deadline)) {
                rows.remove(em, s);
                return Optional.empty();
            }
            if (u.disabledAt != null) {
                return Optional.empty();
            }
            boolean renewed = false;
            if (extend) {
                Instant next = min(now.plusSeconds(settings.sessions().sessionLifetimeSeconds()), deadline);
                if (Duration.between(s.expiresAt, next).compareTo(WRITE_THROTTLE) > 0) {
                    s.expiresAt = next;
                    renewed = true;
                }
            }
            return Optional.of(new Row(new CacheKey.CachedSession(u.toUser(), s.createdAt, s.expiresAt,
                    s.authenticatedAt != null ? s.authenticatedAt : s.createdAt, s.factors != null ? s.factors : "password",
                    s.restriction != null, reauthMethods(row.get())), renewed));
        });
    }

    @Override
    public SessionCookie signOut(String cookieValue) {
        if (SecureTokens.isWellFormed(cookieValue)) {
            String hash = SecureTokens.sha256Hex(cookieValue);
            String owner = tx.inTransaction(em -> {
                SessionEntity row = em.find(SessionEntity.class, hash);
                if (row != null) {
                    rows.remove(em, row);
                    cache.announce(em, new CacheKey.SessionRow(hash));
                }
                return row == null ? null : row.userId;
            });
            metrics.sessionsRevoked("sign_out", owner == null ? 0 : 1);
            cache.remove(new CacheKey.SessionRow(hash));
            if (owner != null) {
                trail.event(EventType.SIGN_OUT, Outcome.SUCCESS).user(owner).session(hash).record();
            }
        }
        return deletionCookie();
    }

    @Override
    public List<SessionInfo> list(String userId, String currentCookieValue) {
        String current = SecureTokens.isWellFormed(currentCookieValue) ? SecureTokens.sha256Hex(currentCookieValue) : null;
        Instant now = Clocks.now(clock);
        Instant oldest = now.minusSeconds(settings.sessions().sessionAbsoluteMaxSeconds());
        return tx.inTransaction(em -> rows.live(em, userId, now, oldest).stream()
                .map(s -> new SessionInfo(s.tokenSha256, s.createdAt, s.expiresAt, s.userAgent, s.ip,
                        s.tokenSha256.equals(current)))
                .toList());
    }

    @Override
    public boolean revoke(String userId, String sessionId) {
        if (userId == null || sessionId == null || !sessionId.matches("[0-9a-f]{64}")) {
            return false;
        }
        boolean revoked = tx.inTransaction(em -> {
            int n = rows.deleteOwned(em, userId, sessionId);
            if (n > 0) {
                cache.announce(em, new CacheKey.SessionRow(sessionId));
            }
            return n;
        }) > 0;
        cache.remove(new CacheKey.SessionRow(sessionId));
        metrics.sessionsRevoked("revoked", revoked ? 1 : 0);
        if (revoked) {
            trail.event(EventType.SESSION_REVOKED, Outcome.SUCCESS).user(userId).session(sessionId)
                    .detail("reason", "revoked").record();
        }
        return revoked;
    }

    @Override
    public int revokeOthers(String userId, String keepSessionId) {
        String keep = keepSessionId == null ? "" : keepSessionId;
        int n = tx.inTransaction(em -> {
            int deleted = rows.deleteAllBut(em, userId, keep);
            if (deleted > 0) {
                cache.announceUser(em, userId);
            }
            return deleted;
        });
        cache.invalidateUser(userId);
        metrics.sessionsRevoked("revoked", n);
        trail.event(EventType.SESSION_REVOKED, Outcome.SUCCESS).user(userId).session(keepSessionId)
                .detail("reason", "others").detail("count", n).record();
        return n;
    }

    @Override
    public int revokeAll(String userId) {
        int n = tx.inTransaction(em -> {
            int deleted = rows.deleteAllOf(em, userId);
            if (deleted > 0) {
                cache.announceUser(em, userId);
            }
            return deleted;
        });
        cache.invalidateUser(userId);
        metrics.sessionsRevoked("revoked", n);
        trail.event(EventType.SESSION_REVOKED, Outcome.SUCCESS).user(userId).detail("reason", "all").detail("count", n)
                .record();
        return n;
    }

    @Override
    public int revokeEveryone() {
        int n = tx.inTransaction(em -> {
            int deleted = rows.deleteEveryone(em);
            if (deleted > 0) {
                cache.announceAll(em);
            }
            return deleted;
        });
        cache.invalidateAll();
        metrics.sessionsRevoked("revoked", n);
        trail.event(EventType.SESSION_REVOKED, Outcome.SUCCESS).detail("reason", "everyone").detail("count", n).record();
        return n;
    }

    @Override
    public SessionCookie deletionCookie() {
        return cookie("", null);
    }

    @Override
    public SessionCookie cookie(String cookieValue, Instant expiresAt) {
        // rounded up: a cookie must not die before its session
        long maxAge = expiresAt == null ? 0 : Math.max(0, (Duration.between(clock.instant(), expiresAt).toMillis() + 999) / 1000);
        return new SessionCookie(settings.sessions().effectiveCookieName(), cookieValue, maxAge, settings.sessions().cookieSecure(), true,
                settings.sessions().cookieSameSite(), settings.sessions().cookiePath(), settings.sessions().cookieDomain());
    }

    /** Deletes sessions past their sliding expiry or absolute lifetime. */
    public int sweepExpired() {
        Instant now = Clocks.now(clock);
        Instant oldest = now.minusSeconds(settings.sessions().sessionAbsoluteMaxSeconds());
        return tx.inTransaction(em -> rows.deleteExpired(em, now, oldest));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String cleaned = s.replaceAll("\\p{Cntrl}", "");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
