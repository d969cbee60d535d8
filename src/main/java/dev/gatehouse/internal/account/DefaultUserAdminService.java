package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.internal.audit.AdminEvents;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.AuditTrail;
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
    private final AdminEvents events;

    public DefaultUserAdminService(Transactions tx, Clock clock, ResolveCache cache, AuditTrail trail) {
        this.tx = tx;
        this.clock = clock;
        this.cache = cache;
        this.events = new AdminEvents(trail, clock);
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
    public boolean disableUser(String userId, String actor) {
        Instant now = Clocks.now(clock);
        boolean found = tx.inTransaction(em -> {
            int n = users.disable(em, userId, now);
            sessions.deleteAllOf(em, userId);
            apiTokens.revokeAllOf(em, userId, now);
            cache.announceUser(em, userId);
            return n > 0 || users.find(em, userId) != null;
        });
        return changed(userId, actor, found, "account.disable");
    }

    @Override
    public boolean enableUser(String userId, String actor) {
        boolean found = tx.inTransaction(em -> {
            UserEntity u = users.find(em, userId);
            if (u == null) {
                return false;
            }
            u.disabledAt = null;
            cache.announceUser(em, userId);
            return true;
        });
        return changed(userId, actor, found, "account.enable");
    }

    @Override
    public boolean deleteUser(String userId, String actor) {
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
            cache.announceUser(em, userId);
            return true;
        });
        return changed(userId, actor, found, "account.delete");
    }

    /**
     * After the commit (a request racing the write cannot re-cache what changed): forget the user,
     * record the change. The older log line ({@code account.disabled}, …) stays: operators' log
     * searches and the command line's documented output name the action there.
     */
    private boolean changed(String userId, String actor, boolean found, String action) {
        cache.invalidateUser(userId);
        if (found) {
            Audit.warn(action + "d", userId, null);
            events.record(EventType.ADMIN_ACTION, userId, actor, "action", action);
        }
        return found;
    }
}
