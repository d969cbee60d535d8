package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.role.Permissions;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {

    @Test
    void grammar() {
        for (String ok : List.of("*", "projects.*", "a.b.c", "reports:read", "a-b_c", "role:admin", "a".repeat(128))) {
            assertTrue(Permissions.isValid(ok), ok);
        }
        for (String bad : new String[] {"", "POSTS", "a b", "a*", "*.read", "a.*.c", ".*", "*x", "a".repeat(129), null}) {
            assertFalse(Permissions.isValid(bad), String.valueOf(bad));
        }
    }

    @Test
    void coverage() {
        assertTrue(Permissions.covers("*", "anything"));
        assertTrue(Permissions.covers("a.*", "a.b"));
        assertTrue(Permissions.covers("a.*", "a.*"));
        assertFalse(Permissions.covers("a.*", "a."));
        assertFalse(Permissions.covers("a.*", "a"));
        assertFalse(Permissions.covers("a.*", "ab.c"));
        assertFalse(Permissions.covers("deploy", "deploy:prod"));
    }
}
