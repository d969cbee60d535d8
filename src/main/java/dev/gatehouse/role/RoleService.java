package dev.gatehouse.role;

import dev.gatehouse.User;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Roles grant permission strings; users hold roles. Role names are lowercase slugs
 * ({@code billing-admin}); permissions follow {@link Permissions}.
 */
public interface RoleService {

    /**
     * Creates or replaces a role (never merges), recorded as an {@code admin.action} event with no actor.
     *
     * @throws IllegalArgumentException bad name or permission
     */
    default Role defineRole(String name, List<String> permissions) {
        return defineRole(name, permissions, null);
    }

    /**
     * Creates or replaces a role (never merges), recorded as an {@code admin.action} event.
     *
     * @param actor who did it, for the audit trail: an administrator's user id, {@code cli}, or null
     * @throws IllegalArgumentException bad name or permission
     */
    Role defineRole(String name, List<String> permissions, String actor);

    /** Deletes the role and every grant of it (recorded with no actor). @return false if it did not exist */
    default boolean deleteRole(String name) {
        return deleteRole(name, null);
    }

    /**
     * Deletes the role and every grant of it, recorded as an {@code admin.action} event.
     *
     * @param actor who did it: an administrator's user id, {@code cli}, or null
     * @return false if it did not exist
     */
    boolean deleteRole(String name, String actor);

    Optional<Role> findRole(String name);

    /** All roles, by name. */
    List<Role> listRoles();

    /** Grants a role (idempotent; recorded with no actor). @throws RoleNotFoundException the role is not defined */
    default void grantRole(String userId, String roleName) {
        grantRole(userId, roleName, null);
    }

    /**
     * Grants a role (idempotent). A new grant is recorded as a {@code role.granted} event of the user;
     * a grant the user already held records nothing.
     *
     * @param actor who did it: an administrator's user id, {@code cli}, or null
     * @throws RoleNotFoundException the role is not defined
     */
    void grantRole(String userId, String roleName, String actor);

    /** Revokes a role (recorded with no actor). @return false if the user did not hold the role */
    default boolean revokeRole(String userId, String roleName) {
        return revokeRole(userId, roleName, null);
    }

    /**
     * Revokes a role, recorded as a {@code role.revoked} event of the user.
     *
     * @param actor who did it: an administrator's user id, {@code cli}, or null
     * @return false if the user did not hold the role (nothing is recorded)
     */
    boolean revokeRole(String userId, String roleName, String actor);

    /** The roles the user holds, with their permissions, sorted by name (one query). */
    List<Role> grantedRoles(String userId);

    /** Role names of the user, sorted. */
    List<String> rolesFor(String userId);

    /** User ids holding the role, sorted. */
    List<String> usersWithRole(String roleName);

    /** Union of the user's permission strings, wildcards as granted. */
    Set<String> permissionsFor(String userId);

    /** @throws IllegalArgumentException blank permission */
    boolean hasPermission(String userId, String permission);
}
