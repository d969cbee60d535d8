package dev.gatehouse.internal.apitoken;

import dev.gatehouse.ValidationException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.apitoken.TokenLimitReachedException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.ApiTokenEntity;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.role.Permissions;
import dev.gatehouse.role.RoleService;
import jakarta.persistence.LockModeType;
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

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final ResolveCache cache;
    private final PatCodec codec = new PatCodec(TOKEN_PREFIX);
    private final RoleService roles;

    public DefaultApiTokenService(Transactions tx, AuthSettings settings, Clock clock, ResolveCache cache, RoleService roles) {
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
            UserEntity owner = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (owner == null) {
                throw new IllegalArgumentException("No user with id '" + userId + "'");
            }
            if (settings.accounts().requireEmailVerified() && owner.email != null && owner.emailVerifiedAt == null) {
                throw new EmailNotVerifiedException();
            }
            long live = em.createQuery("select count(t) from ApiTokenEntity t where t.userId = :u and t.revokedAt is null "
                            + "and (t.expiresAt is null or t.expiresAt > :now)", Long.class)
                    .setParameter("u", userId).setParameter("now", now).getSingleResult();
            if (live >= settings.apiTokens().apiTokenMaxPerUser()) {
                throw new TokenLimitReachedException(settings.apiTokens().apiTokenMaxPerUser());
            }
            em.persist(t);
        });
        Audit.info("api_token.created", userId, null);
        return new NewApiToken(t.toApiToken(), raw);
    }

    @Override
    public Optional<ApiToken> resolve(String rawToken, String requiredScope) {
        Optional<ApiToken> token = authenticate(rawToken);
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
        ApiToken hit = cache.get("t:" + hash);
        if (hit != null) {
            boolean touchDue = hit.lastUsedAt() == null || Duration.between(hit.lastUsedAt(), now).compareTo(TOUCH_THROTTLE) >= 0;
            if (!hit.activeAt(now)) {
                cache.remove("t:" + hash);
                return Optional.empty();
            }
            if (!touchDue) {
                return Optional.of(hit);
            }
            cache.remove("t:" + hash);
        }
        long stamp = cache.stamp();
        return tx.inTransaction(em -> {
            List<Object[]> rows = em.createQuery("select t, u from ApiTokenEntity t, UserEntity u "
                    + "where t.tokenSha256 = :h and u.id = t.userId", Object[].class).setParameter("h", hash).getResultList();
            if (rows.isEmpty() || !mayAct((UserEntity) rows.get(0)[1])) {
                return Optional.empty();
            }
            ApiTokenEntity t = (ApiTokenEntity) rows.get(0)[0];
            ApiToken token = t.toApiToken();
            if (!token.activeAt(now)) {
                return Optional.empty();
            }
            if (t.lastUsedAt == null || Duration.between(t.lastUsedAt, now).compareTo(TOUCH_THROTTLE) >= 0) {
                t.lastUsedAt = now;
            }
            cache.put("t:" + hash, t.userId, t.toApiToken(), stamp);
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
        return tx.inTransaction(em -> em.createQuery("select t from ApiTokenEntity t where t.userId = :u "
                        + "and t.revokedAt is null order by t.createdAt desc, t.id", ApiTokenEntity.class)
                .setParameter("u", userId).getResultList().stream().map(ApiTokenEntity::toApiToken).toList());
    }

    @Override
    public boolean revoke(String userId, String tokenId) {
        if (userId == null || tokenId == null || !tokenId.matches("[0-9a-f]{32}")) {
            return false;
        }
        Instant now = Clocks.now(clock);
        boolean revoked = tx.inTransaction(em -> em.createQuery("update ApiTokenEntity t set t.revokedAt = :now "
                        + "where t.id = :id and t.userId = :u and t.revokedAt is null")
                .setParameter("now", now).setParameter("id", tokenId).setParameter("u", userId).executeUpdate()) > 0;
        cache.invalidateUser(userId);
        return revoked;
    }

    @Override
    public int revokeAll(String userId) {
        Instant now = Clocks.now(clock);
        int n = tx.inTransaction(em -> revokeAll(em, userId, now));
        cache.invalidateUser(userId); // after the commit
        return n;
    }

    /** Revokes every live token of the user inside the caller's transaction (the caller invalidates the cache). */
    public static int revokeAll(jakarta.persistence.EntityManager em, String userId, Instant now) {
        return em.createQuery("update ApiTokenEntity t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null")
                .setParameter("now", now).setParameter("u", userId).executeUpdate();
    }

    /** Deletes tokens revoked or expired more than 30 days ago. */
    public int sweepExpired() {
        Instant cutoff = Clocks.now(clock).minus(Duration.ofDays(30));
        return tx.inTransaction(em -> em.createQuery("delete from ApiTokenEntity t where t.revokedAt < :c "
                + "or t.expiresAt < :c").setParameter("c", cutoff).executeUpdate());
    }

    private Instant expiry(Instant now, Integer days) {
        int max = settings.apiTokens().apiTokenMaxLifetimeDays();
        if (days == null) {
            return settings.apiTokens().apiTokenAllowNoExpiry() ? null : now.plus(Duration.ofDays(max));
        }
        if (days <= 0 || days > max) {
            throw new ValidationException("expiresInDays must be between 1 and " + max + " (got " + days + ")");
        }
        return now.plus(Duration.ofDays(days));
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME || n.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("Token name must be 1-" + MAX_NAME + " characters without control characters");
        }
        return n;
    }

    static List<String> validScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new ValidationException("At least one scope is required");
        }
        if (scopes.size() > MAX_SCOPES) {
            throw new ValidationException("At most " + MAX_SCOPES + " scopes (got " + scopes.size() + ")");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : scopes) {
            String s = raw == null ? "" : raw.strip();
            if (s.length() > MAX_SCOPE_LENGTH || !Permissions.isValid(s)) {
                throw new ValidationException("Scope '" + raw + "' must be 1-" + MAX_SCOPE_LENGTH
                        + " characters of a-z 0-9 _ . : - (or '*', or ending in '.*')");
            }
            out.add(s);
        }
        return new ArrayList<>(out);
    }
}
