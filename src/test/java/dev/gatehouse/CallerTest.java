package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.role.Role;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A token never grants more than its owner holds now, nor more than its scopes say. */
class CallerTest {

    static final User USER = new User("u1", "a@b.com", null, null, Instant.EPOCH, "free", null);
    static final List<Role> ROLES = List.of(new Role("admin", List.of("admin.*"), Instant.EPOCH),
            new Role("editor", List.of("posts.*"), Instant.EPOCH));

    static ApiToken token(String... scopes) {
        return new ApiToken("t1", "u1", "t", List.of(scopes), Instant.EPOCH, null, null, null);
    }

    @Test
    void sessionCallerHoldsEverythingTheUserHolds() {
        Caller c = Caller.of(USER, ROLES, null, "s1");
        assertEquals(List.of("admin", "editor"), c.roles());
        assertTrue(c.hasPermission("posts.write") && c.hasPermission("admin.users"));
        assertFalse(c.hasPermission("billing.view"));
    }

    @Test
    void tokenCallerNeedsOwnerPermissionAndScope() {
        Caller c = Caller.of(USER, ROLES, token("posts.read", "billing.view"), null);
        assertTrue(c.hasPermission("posts.read"));
        assertFalse(c.hasPermission("posts.write")); // owner has it, scope does not
        assertFalse(c.hasPermission("billing.view")); // scope has it, owner does not
        assertEquals(List.of(), c.roles());
    }

    @Test
    void roleScopesAndTheStarScope() {
        assertEquals(List.of("editor"), Caller.of(USER, ROLES, token("role:editor"), null).roles());
        Caller all = Caller.of(USER, ROLES, token("*"), null);
        assertEquals(List.of("admin", "editor"), all.roles());
        assertTrue(all.hasPermission("admin.users"));
        assertFalse(all.hasPermission("billing.view"));
    }

    @Test
    void blankPermissionIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> Caller.of(USER, ROLES, null, "s1").hasPermission(" "));
        assertThrows(IllegalArgumentException.class, () -> Caller.of(USER, ROLES, null, null), "a session caller without its session");
    }

    /** A caller in a log line names the user and how it signed in, never the session key or the email. */
    @Test
    void toStringHoldsNeitherTheSessionKeyNorTheEmail() {
        String sessionKey = "9f".repeat(32);
        String session = Caller.of(USER, ROLES, null, sessionKey).toString();
        assertFalse(session.contains(sessionKey) || session.contains("a@b.com"), session);
        assertTrue(session.contains("u1") && session.contains("SESSION") && session.contains("admin"), session);
        String token = Caller.of(USER, ROLES, token("posts.read"), null).toString();
        assertFalse(token.contains("a@b.com"), token);
        assertTrue(token.contains("API_TOKEN") && token.contains("t1"), token);
    }
}
