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

    /** Creates or replaces a role (never merges). @throws IllegalArgumentException bad name or permission */
    Role defineRole(String name, List<String> permissions);

    /** Deletes the role and every grant of it. @return false if it did not exist */
    boolean deleteRole(String name);

    Optional<Role> findRole(String name);

    /** All roles, by name. */
    List<Role> listRoles();

    /** Grants a role (idempotent). @throws RoleNotFoundException the role is not defined */
    void grantRole(String userId, String roleName);

    /** @return false if the user did not hold the role */
    boolean revokeRole(String userId, String roleName);

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
