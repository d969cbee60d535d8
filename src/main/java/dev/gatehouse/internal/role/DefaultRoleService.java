package dev.gatehouse.internal.role;

import dev.gatehouse.audit.EventType;
import dev.gatehouse.internal.audit.AdminEvents;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.RoleEntity;
import dev.gatehouse.internal.persistence.RoleRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserRoleEntity;
import dev.gatehouse.internal.session.CacheKey;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.role.Permissions;
import dev.gatehouse.role.Role;
import dev.gatehouse.role.RoleNotFoundException;
import dev.gatehouse.role.RoleService;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Roles and grants. Grants have no foreign key to users, as in pyxle-auth. */
public final class DefaultRoleService implements RoleService {

    private static final int MAX_PERMISSIONS_TEXT = 4000;

    private final Transactions tx;
    private final Clock clock;
    private final ResolveCache cache;
    private final AdminEvents events;
    private final RoleRepository rows = new RoleRepository();

    public DefaultRoleService(Transactions tx, Clock clock, ResolveCache cache, AuditTrail trail) {
        this.tx = tx;
        this.clock = clock;
        this.cache = cache;
        this.events = new AdminEvents(trail, clock);
    }

    @Override
    public Role defineRole(String name, List<String> permissions, String actor) {
        String n = RoleNames.validate(name);
        String joined = String.join(" ", validPermissions(permissions));
        if (joined.length() > MAX_PERMISSIONS_TEXT) {
            throw new IllegalArgumentException("A role's permissions may total at most " + MAX_PERMISSIONS_TEXT
                    + " characters (got " + joined.length() + ")");
        }
        Instant now = Clocks.now(clock);
        Role defined = tx.retryingInsertRace(3, em -> {
            RoleEntity r = rows.find(em, n);
            if (r == null) {
                r = new RoleEntity();
                r.name = n;
                r.createdAt = now;
                r.permissions = joined;
                rows.insert(em, r);
            } else {
                r.permissions = joined;
            }
            cache.announceAll(em);
            return r.toRole();
        });
        cache.invalidateAll(); // after the commit: every holder of the role may change
        events.record(EventType.ADMIN_ACTION, null, actor, "action", "role.define", "role", n, "permissions", joined);
        return defined;
    }

    @Override
    public boolean deleteRole(String name, String actor) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Role name is required");
        }
        boolean existed = tx.inTransaction(em -> {
            // role row first: its lock makes a concurrent grant finish (or fail) before the grants are deleted
            boolean had = rows.delete(em, n) > 0;
            rows.deleteGrantsOfRole(em, n);
            cache.announceAll(em);
            return had;
        });
        cache.invalidateAll(); // after the commit
        if (existed) {
            events.record(EventType.ADMIN_ACTION, null, actor, "action", "role.delete", "role", n);
        }
        return existed;
    }

    @Override
    public Optional<Role> findRole(String name) {
        return tx.inTransaction(em -> Optional.ofNullable(rows.find(em, name == null ? "" : name.strip()))
                .map(RoleEntity::toRole));
    }

    @Override
    public List<Role> listRoles() {
        return tx.inTransaction(em -> rows.all(em).stream().map(RoleEntity::toRole).toList());
    }

    @Override
    public void grantRole(String userId, String roleName, String actor) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        String n = roleName == null ? "" : roleName.strip();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("Role name is required");
        }
        Instant now = Clocks.now(clock);
        boolean added;
        try {
            added = tx.inTransaction(em -> {
                if (rows.findLocked(em, n) == null) {
                    throw new RoleNotFoundException(n);
                }
                if (rows.findGrant(em, userId, n) != null) {
                    return false;
                }
                UserRoleEntity g = new UserRoleEntity();
                g.userId = userId;
                g.roleName = n;
                g.grantedAt = now;
                rows.insertGrant(em, g);
                cache.announceUser(em, userId);
                return true;
            });
        } catch (RuntimeException e) {
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
            added = false; // a concurrent grant of the same role won: the grant exists, which is all we promised
        }
        cache.invalidateUser(userId); // after the commit
        if (added) { // a grant the user already held changes nothing, so it records nothing
            events.record(EventType.ROLE_GRANTED, userId, actor, "role", n);
        }
    }

    @Override
    public boolean revokeRole(String userId, String roleName, String actor) {
        String n = roleName == null ? "" : roleName.strip();
        boolean removed = tx.inTransaction(em -> {
            boolean gone = rows.deleteGrant(em, userId, n) > 0;
            if (gone) {
                cache.announceUser(em, userId);
            }
            return gone;
        });
        cache.invalidateUser(userId); // after the commit
        if (removed) {
            events.record(EventType.ROLE_REVOKED, userId, actor, "role", n);
        }
        return removed;
    }

    @Override
    public List<Role> grantedRoles(String userId) {
        if (userId == null) {
            return List.of(); // what the query finds for no user, without asking
        }
        CacheKey.GrantedRoles key = new CacheKey.GrantedRoles(userId);
        List<Role> hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        long stamp = cache.stamp();
        List<Role> roles = tx.inTransaction(em -> rows.grantedTo(em, userId).stream().map(RoleEntity::toRole).toList());
        cache.put(key, userId, roles, stamp);
        return roles;
    }

    @Override
    public List<String> rolesFor(String userId) {
        return tx.inTransaction(em -> rows.grantNamesOf(em, userId));
    }

    @Override
    public List<String> usersWithRole(String roleName) {
        String n = roleName == null ? "" : roleName.strip();
        return tx.inTransaction(em -> rows.usersWith(em, n));
    }

    @Override
    public Set<String> permissionsFor(String userId) {
        List<String> texts = tx.inTransaction(em -> rows.permissionTextsOf(em, userId));
        Set<String> out = new TreeSet<>();
        for (String row : texts) {
            for (String p : row.split(" ")) {
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public boolean hasPermission(String userId, String permission) {
        String p = permission == null ? "" : permission.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("permission is required");
        }
        return Permissions.anyCovers(permissionsFor(userId), p);
    }

    private static Set<String> validPermissions(List<String> permissions) {
        if (permissions == null) {
            throw new IllegalArgumentException("permissions is required (an empty list is allowed)");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String raw : permissions) {
            String p = raw == null ? "" : raw.strip();
            if (!Permissions.isValid(p)) {
                throw new IllegalArgumentException("Permission '" + raw + "' must be '*' or 1-128 characters of "
                        + "a-z 0-9 _ . : - optionally ending in '.*'");
            }
            out.add(p);
        }
        return out;
    }
}
