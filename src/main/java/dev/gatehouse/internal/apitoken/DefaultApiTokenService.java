package dev.gatehouse.internal.apitoken;

import dev.gatehouse.InvalidRequestException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.apitoken.TokenLimitReachedException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.persistence.ApiTokenEntity;
import dev.gatehouse.internal.persistence.ApiTokenRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.session.CacheKey;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.role.Permissions;
import dev.gatehouse.role.RoleService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Personal access tokens. The per-user cap is checked and the row inserted in one transaction
 * that first locks the owner's users row ({@code SELECT ... FOR UPDATE}), so concurrent creates
 * for one user serialise on every database.
 */
public final class DefaultApiTokenService implements ApiTokenService {

    static final int MAX_NAME = 100;
    static final int MAX_SCOPES = 32;
    static final int MAX_SCOPE_LENGTH = 64;
    private static final Duration TOUCH_THROTTLE = Duration.ofSeconds(60);

    private final Metrics metrics;
    private final AuditTrail trail;
    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final ResolveCache cache;
    private final PatCodec codec = new PatCodec(TOKEN_PREFIX);
    private final RoleService roles;
    private final ApiTokenRepository rows = new ApiTokenRepository();
    private final UserRepository users = new UserRepository();

    public DefaultApiTokenService(Transactions tx, AuthSettings settings, Clock clock, ResolveCache cache, RoleService roles,
                                  Metrics metrics, AuditTrail trail) {
        this.trail = trail;
        this.metrics = metrics;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.cache = cache;
        this.roles = roles;
    }

    @Override
    public NewApiToken create(String userId, String name, List<String> scopes, Integer expiresInDays) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        String n = validName(name);
        List<String> s = validScopes(scopes);
        Instant now = Clocks.now(clock);
        Instant expiresAt = expiry(now, expiresInDays);
        String raw = codec.generate();
        ApiTokenEntity t = new ApiTokenEntity();
        t.id = SecureTokens.newId();
        t.tokenSha256 = SecureTokens.sha256Hex(raw);
        t.userId = userId;
        t.name = n;
        t.scopes = String.join(" ", s);
        t.createdAt = now;
        t.expiresAt = expiresAt;
        tx.run(em -> {
            UserEntity owner = users.lock(em, userId);
            if (owner == null) {
                throw new IllegalArgumentException("No user with id '" + userId + "'");
            }
            if (settings.accounts().requireEmailVerified() && owner.email != null && owner.emailVerifiedAt == null) {
                throw new EmailNotVerifiedException();
            }
            if (rows.countLive(em, userId, now) >= settings.apiTokens().apiTokenMaxPerUser()) {
                throw new TokenLimitReachedException(settings.apiTokens().apiTokenMaxPerUser());
            }
            rows.insert(em, t);
        });
        trail.event(EventType.TOKEN_CREATED, Outcome.SUCCESS).user(userId).token(t.id)
                .detail("name", n).detail("scopes", t.scopes).record();
        metrics.apiTokenCreated();
        return new NewApiToken(t.toApiToken(), raw);
    }

    @Override
    public Optional<ApiToken> resolve(String rawToken, String requiredScope) {
        Optional<ApiToken> token = metrics.timeCallerResolution("api_token", () -> authenticate(rawToken));
        if (requiredScope == null) {
            return token;
        }
        return token.filter(t -> t.covers(requiredScope) && roles.hasPermission(t.userId(), requiredScope));
    }

    /** The live token of an active owner (verified, where that is required), without any permission check. */
    private Optional<ApiToken> authenticate(String rawToken) {
        if (!codec.isWellFormed(rawToken)) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256Hex(rawToken);
        Instant now = Clocks.now(clock);
        CacheKey.ApiTokenRow key = new CacheKey.ApiTokenRow(hash);
        ApiToken hit = cache.get(key);
        if (hit != null) {
            boolean touchDue = hit.lastUsedAt() == null || Duration.between(hit.lastUsedAt(), now).compareTo(TOUCH_THROTTLE) >= 0;
            if (!hit.activeAt(now)) {
                cache.remove(key);
                return Optional.empty();
            }
            if (!touchDue) {
                return Optional.of(hit);
            }
            cache.remove(key);
        }
        long stamp = cache.stamp();
        return tx.inTransaction(em -> {
            Optional<ApiTokenRepository.WithOwner> row = rows.findWithOwner(em, hash);
            if (row.isEmpty() || !mayAct(row.get().owner())) {
                return Optional.empty();
            }
            ApiTokenEntity t = row.get().token();
            ApiToken token = t.toApiToken();
            if (!token.activeAt(now)) {
                return Optional.empty();
            }
            if (t.lastUsedAt == null || Duration.between(t.lastUsedAt, now).compareTo(TOUCH_THROTTLE) >= 0) {
                t.lastUsedAt = now;
            }
            cache.put(key, t.userId, t.toApiToken(), stamp);
            return Optional.of(token);
        });
    }

    /** Not disabled and, where {@code requireEmailVerified} holds, with a confirmed email (or none). */
    private boolean mayAct(UserEntity owner) {
        return owner.disabledAt == null
                && (!settings.accounts().requireEmailVerified() || owner.email == null || owner.emailVerifiedAt != null);
    }

    @Override
    public List<ApiToken> list(String userId) {
        return tx.inTransaction(em -> rows.notRevoked(em, userId).stream().map(ApiTokenEntity::toApiToken).toList());
    }

    @Override
    public boolean revoke(String userId, String tokenId) {
        if (userId == null || tokenId == null || !tokenId.matches("[0-9a-f]{32}")) {
            return false;
        }
        Instant now = Clocks.now(clock);
        boolean revoked = tx.inTransaction(em -> {
            int n = rows.revoke(em, userId, tokenId, now);
            if (n > 0) {
                cache.announceUser(em, userId);
            }
            return n;
        }) > 0;
        cache.invalidateUser(userId);
        metrics.apiTokensRevoked(revoked ? 1 : 0);
        if (revoked) {
            trail.event(EventType.TOKEN_REVOKED, Outcome.SUCCESS).user(userId).token(tokenId).record();
        }
        return revoked;
    }

    @Override
    public int revokeAll(String userId) {
        Instant now = Clocks.now(clock);
        int n = tx.inTransaction(em -> {
            int revoked = rows.revokeAllOf(em, userId, now);
            if (revoked > 0) {
                cache.announceUser(em, userId);
            }
            return revoked;
        });
        cache.invalidateUser(userId); // after the commit
        metrics.apiTokensRevoked(n);
        if (n > 0) {
            trail.event(EventType.TOKEN_REVOKED, Outcome.SUCCESS).user(userId).detail("all", true).detail("count", n).record();
        }
        return n;
    }

    /** Deletes tokens revoked or expired more than 30 days ago. */
    public int sweepExpired() {
        Instant cutoff = Clocks.now(clock).minus(Duration.ofDays(30));
        return tx.inTransaction(em -> rows.deleteExpired(em, cutoff));
    }

    private Instant expiry(Instant now, Integer days) {
        int max = settings.apiTokens().apiTokenMaxLifetimeDays();
        if (days == null) {
            return settings.apiTokens().apiTokenAllowNoExpiry() ? null : now.plus(Duration.ofDays(max));
        }
        if (days <= 0 || days > max) {
            throw new InvalidRequestException("expiresInDays must be between 1 and " + max + " (got " + days + ")");
        }
        return now.plus(Duration.ofDays(days));
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("Token name must be 1-" + MAX_NAME + " characters without control characters");
        }
        return n;
    }

    static List<String> validScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidRequestException("At least one scope is required");
        }
        if (scopes.size() > MAX_SCOPES) {
            throw new InvalidRequestException("At most " + MAX_SCOPES + " scopes (got " + scopes.size() + ")");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : scopes) {
            String s = raw == null ? "" : raw.strip();
            if (s.length() > MAX_SCOPE_LENGTH || !Permissions.isValid(s)) {
                throw new InvalidRequestException("Scope '" + raw + "' must be 1-" + MAX_SCOPE_LENGTH
                        + " characters of a-z 0-9 _ . : - (or '*', or ending in '.*')");
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }
}
