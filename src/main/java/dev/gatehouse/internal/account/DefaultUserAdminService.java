package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.internal.apitoken.DefaultApiTokenService;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.role.DefaultRoleService;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Account administration: each change is one transaction, then the node's resolve cache forgets the user. */
public final class DefaultUserAdminService implements UserAdminService {

    private final Transactions tx;
    private final Clock clock;
    private final DefaultTokenService tokens;
    private final ResolveCache cache;

    public DefaultUserAdminService(Transactions tx, Clock clock, DefaultTokenService tokens, ResolveCache cache) {
        this.tx = tx;
        this.clock = clock;
        this.tokens = tokens;
        this.cache = cache;
    }

    @Override
    public List<User> listUsers(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1-1000 (got " + offset + ", " + limit + ")");
        }
        return tx.inTransaction(em -> em.createQuery("select u from UserEntity u order by u.createdAt, u.id", UserEntity.class)
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(UserEntity::toUser).toList());
    }

    @Override
    public Optional<User> findUserByEmail(String email) {
        return tx.inTransaction(em -> DefaultAuthService.findBy(em, "email", Identifiers.normaliseEmail(email))).map(UserEntity::toUser);
    }

    @Override
    public boolean disableUser(String userId) {
        Instant now = Clocks.now(clock);
        boolean found = tx.inTransaction(em -> {
            int n = em.createQuery("update UserEntity u set u.disabledAt = :now where u.id = :id and u.disabledAt is null")
                    .setParameter("now", now).setParameter("id", userId).executeUpdate();
            DefaultSessionService.deleteAll(em, userId);
            DefaultApiTokenService.revokeAll(em, userId, now);
            return n > 0 || em.find(UserEntity.class, userId) != null;
        });
        cache.invalidateUser(userId); // after the commit: a request racing the write cannot re-cache
        if (found) {
            Audit.warn("account.disabled", userId, null);
        }
        return found;
    }

    @Override
    public boolean enableUser(String userId) {
        boolean found = tx.inTransaction(em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            if (u == null) {
                return false;
            }
            u.disabledAt = null;
            return true;
        });
        cache.invalidateUser(userId);
        if (found) {
            Audit.warn("account.enabled", userId, null);
        }
        return found;
    }

    @Override
    public boolean deleteUser(String userId) {
        boolean found = tx.inTransaction(em -> {
            UserEntity u = em.find(UserEntity.class, userId);
            if (u == null) {
                return false;
            }
            DefaultSessionService.deleteAll(em, userId);
            em.createQuery("delete from ApiTokenEntity t where t.userId = :id").setParameter("id", userId).executeUpdate();
            tokens.deleteAll(em, userId);
            DefaultRoleService.deleteGrants(em, userId);
            em.remove(u);
            return true;
        });
        cache.invalidateUser(userId);
        if (found) {
            Audit.warn("account.deleted", userId, null);
        }
        return found;
    }
}
