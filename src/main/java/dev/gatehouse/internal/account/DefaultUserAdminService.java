package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.persistence.ApiTokenRepository;
import dev.gatehouse.internal.persistence.AuthTokenRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.RoleRepository;
import dev.gatehouse.internal.persistence.SessionRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.session.ResolveCache;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Account administration: each change is one transaction, then the node's resolve cache forgets the user. */
public final class DefaultUserAdminService implements UserAdminService {

    private final Transactions tx;
    private final Clock clock;
    private final ResolveCache cache;
    private final UserRepository users = new UserRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final ApiTokenRepository apiTokens = new ApiTokenRepository();
    private final AuthTokenRepository tokens = new AuthTokenRepository();
    private final RoleRepository roles = new RoleRepository();

    public DefaultUserAdminService(Transactions tx, Clock clock, ResolveCache cache) {
        this.tx = tx;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public List<User> listUsers(int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1-1000 (got " + offset + ", " + limit + ")");
        }
        return tx.inTransaction(em -> users.page(em, offset, limit).stream().map(UserEntity::toUser).toList());
    }

    @Override
    public Optional<User> findUserByEmail(String email) {
        return tx.inTransaction(em -> users.byEmail(em, Identifiers.normaliseEmail(email))).map(UserEntity::toUser);
    }

    @Override
    public boolean disableUser(String userId) {
        Instant now = Clocks.now(clock);
        boolean found = tx.inTransaction(em -> {
            int n = users.disable(em, userId, now);
            sessions.deleteAllOf(em, userId);
            apiTokens.revokeAllOf(em, userId, now);
            return n > 0 || users.find(em, userId) != null;
        });
        return changed(userId, found, "account.disabled");
    }

    @Override
    public boolean enableUser(String userId) {
        boolean found = tx.inTransaction(em -> {
            UserEntity u = users.find(em, userId);
            if (u == null) {
                return false;
            }
            u.disabledAt = null;
            return true;
        });
        return changed(userId, found, "account.enabled");
    }

    @Override
    public boolean deleteUser(String userId) {
        boolean found = tx.inTransaction(em -> {
            UserEntity u = users.find(em, userId);
            if (u == null) {
                return false;
            }
            sessions.deleteAllOf(em, userId);
            apiTokens.deleteAllOf(em, userId);
            tokens.deleteAllOf(em, userId);
            roles.deleteGrantsOf(em, userId);
            users.remove(em, u);
            return true;
        });
        return changed(userId, found, "account.deleted");
    }

    /** After the commit (a request racing the write cannot re-cache what changed): forget the user, log the change. */
    private boolean changed(String userId, boolean found, String event) {
        cache.invalidateUser(userId);
        if (found) {
            Audit.warn(event, userId, null);
        }
        return found;
    }
}
