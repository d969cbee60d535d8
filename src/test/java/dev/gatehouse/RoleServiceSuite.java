package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.role.Role;
import dev.gatehouse.role.RoleNotFoundException;
import dev.gatehouse.role.RoleService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public abstract class RoleServiceSuite extends DatabaseSuite {

    RoleService roles() {
        return gh().roles();
    }

    @Test
    void ungrantedUserHasNothing() {
        roles().defineRole("admin", List.of("*"));
        assertFalse(roles().hasPermission("u1", "anything"));
        assertEquals(Set.of(), roles().permissionsFor("u1"));
        assertEquals(List.of(), roles().rolesFor("u1"));
    }

    @Test
    void grantedRoleGivesItsPermissions() {
        roles().defineRole("editor", List.of("posts.read", "posts.write"));
        roles().grantRole("u1", "editor");
        assertEquals(List.of("editor"), roles().rolesFor("u1"));
        assertTrue(roles().hasPermission("u1", "posts.read"));
        assertFalse(roles().hasPermission("u1", "posts.delete"));
    }

    @Test
    void redefiningReplacesPermissionsAndKeepsCreatedAt() {
        roles().defineRole("editor", List.of("posts.read"));
        roles().grantRole("u1", "editor");
        CLOCK.advance(Duration.ofHours(1));
        roles().defineRole("editor", List.of("posts.read"));
        Role r = roles().defineRole("editor", List.of("media.upload"));
        assertEquals(dev.gatehouse.testing.MutableClock.T0, r.createdAt());
        assertFalse(roles().hasPermission("u1", "posts.read"));
        assertTrue(roles().hasPermission("u1", "media.upload"));
        assertEquals(Set.of("media.upload"), roles().permissionsFor("u1"));
        assertEquals(1, count("SELECT COUNT(*) FROM roles"));
    }

    @Test
    void permissionsAreTrimmedAndDeduplicated() {
        roles().defineRole("editor", List.of("posts.read", " posts.write ", "posts.read"));
        assertEquals(List.of(List.of("posts.read posts.write")), rows("SELECT permissions FROM roles"));
        assertEquals(List.of("posts.read", "posts.write"), roles().findRole("editor").orElseThrow().permissions());
    }

    @Test
    void roleWithNoPermissionsNamesACohort() {
        roles().defineRole("beta", List.of());
        roles().grantRole("u1", "beta");
        assertEquals(List.of("beta"), roles().rolesFor("u1"));
        assertEquals(Set.of(), roles().permissionsFor("u1"));
        assertFalse(roles().hasPermission("u1", "anything"));
    }

    @Test
    void roleNameGrammar() {
        for (String bad : new String[] {"", "   ", "Admin", "has space", "a".repeat(65), "-admin", "admin-", "ops--lead", "rôle", null}) {
            assertThrows(IllegalArgumentException.class, () -> roles().defineRole(bad, List.of()), String.valueOf(bad));
        }
        for (String ok : new String[] {"a", "admin", "billing-admin", "tier_2", "a".repeat(64)}) {
            roles().defineRole(ok, List.of());
            roles().grantRole("u1", ok);
        }
        assertEquals(5, roles().rolesFor("u1").size());
    }

    @Test
    void permissionGrammar() {
        for (String bad : new String[] {"", "   ", "POSTS.READ", "a b", "a".repeat(129), "a*", "*.read", "a.*.c", ".*", "*x", null}) {
            List<String> perms = new ArrayList<>();
            perms.add(bad);
            assertThrows(IllegalArgumentException.class, () -> roles().defineRole("r", perms), String.valueOf(bad));
        }
        roles().defineRole("r", List.of("*", "projects.*", "a.b.c", "reports:read", "a-b_c", "a".repeat(128)));
        assertEquals(0, count("SELECT COUNT(*) FROM user_roles"));
    }

    @Test
    void oversizedPermissionListIsRefusedWithAReason() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add("p" + i + ".".repeat(0) + "x".repeat(120));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> roles().defineRole("big", many));
        assertTrue(e.getMessage().contains("4000"));
    }

    @Test
    void grantingTwiceIsIdempotent() {
        roles().defineRole("editor", List.of("x"));
        roles().grantRole("u1", "editor");
        roles().grantRole("u1", "editor");
        assertEquals(List.of("editor"), roles().rolesFor("u1"));
        assertEquals(List.of("u1"), roles().usersWithRole("editor"));
    }

    @Test
    void grantingAnUndefinedRoleFails() {
        RoleNotFoundException e = assertThrows(RoleNotFoundException.class, () -> roles().grantRole("u1", "ghost"));
        assertEquals("ghost", e.name());
        assertEquals("role_not_found", e.code().wire());
        assertEquals(0, count("SELECT COUNT(*) FROM user_roles"));
        assertThrows(IllegalArgumentException.class, () -> roles().grantRole("", "ghost"));
        assertThrows(IllegalArgumentException.class, () -> roles().grantRole("u1", "  "));
    }

    @Test
    void revokeRemovesTheGrantOnce() {
        roles().defineRole("editor", List.of("posts.read"));
        roles().grantRole("u1", "editor");
        assertTrue(roles().revokeRole("u1", "editor"));
        assertEquals(List.of(), roles().rolesFor("u1"));
        assertFalse(roles().hasPermission("u1", "posts.read"));
        assertFalse(roles().revokeRole("u1", "editor"));
    }

    @Test
    void listingsAreSorted() {
        for (String r : new String[] {"zeta", "alpha", "mid"}) {
            roles().defineRole(r, List.of());
            roles().grantRole("u1", r);
        }
        roles().grantRole("u0", "alpha");
        assertEquals(List.of("alpha", "mid", "zeta"), roles().rolesFor("u1"));
        assertEquals(List.of("u0", "u1"), roles().usersWithRole("alpha"));
        assertEquals(List.of("alpha", "mid", "zeta"), roles().listRoles().stream().map(Role::name).toList());
    }

    @Test
    void deletingARoleRemovesItsGrantsForGood() {
        roles().defineRole("editor", List.of("posts.read"));
        roles().grantRole("u1", "editor");
        roles().grantRole("u2", "editor");
        assertTrue(roles().deleteRole("editor"));
        assertEquals(List.of(), roles().usersWithRole("editor"));
        assertFalse(roles().hasPermission("u1", "posts.read"));
        assertFalse(roles().deleteRole("editor"));
        roles().defineRole("editor", List.of("posts.read"));
        assertEquals(List.of(), roles().rolesFor("u1"));
    }

    @Test
    void wildcardsMatchDottedPrefixesStrictlyLonger() {
        roles().defineRole("p", List.of("projects.*"));
        roles().defineRole("a", List.of("a.*"));
        roles().defineRole("all", List.of("*"));
        roles().grantRole("u1", "p");
        roles().grantRole("u2", "a");
        roles().grantRole("u3", "all");
        assertTrue(roles().hasPermission("u1", "projects.create"));
        assertTrue(roles().hasPermission("u1", "projects.a.b"));
        assertTrue(roles().hasPermission("u1", "projects.*"));
        assertFalse(roles().hasPermission("u2", "ab.c"));
        assertFalse(roles().hasPermission("u2", "a"));
        assertFalse(roles().hasPermission("u2", "a."));
        assertTrue(roles().hasPermission("u2", "a.b"));
        assertTrue(roles().hasPermission("u3", "anything"));
        assertTrue(roles().hasPermission("u3", "deep.nested:thing"));
    }

    @Test
    void permissionsUnionAcrossRoles() {
        roles().defineRole("reader", List.of("posts.read"));
        roles().defineRole("media", List.of("media.*"));
        roles().grantRole("u1", "reader");
        roles().grantRole("u1", "media");
        assertTrue(roles().hasPermission("u1", "posts.read"));
        assertTrue(roles().hasPermission("u1", "media.upload"));
        assertFalse(roles().hasPermission("u1", "billing.view"));
        assertEquals(Set.of("posts.read", "media.*"), roles().permissionsFor("u1"));
    }

    @Test
    void blankPermissionQueryIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> roles().hasPermission("u1", ""));
        assertThrows(IllegalArgumentException.class, () -> roles().hasPermission("u1", "   "));
    }

    @Test
    void grantsAreIsolatedPerUser() {
        roles().defineRole("editor", List.of("posts.read"));
        roles().grantRole("u1", "editor");
        roles().grantRole("u2", "editor");
        roles().revokeRole("u1", "editor");
        assertTrue(roles().hasPermission("u2", "posts.read"));
        assertFalse(roles().hasPermission("u1", "posts.read"));
    }
}
