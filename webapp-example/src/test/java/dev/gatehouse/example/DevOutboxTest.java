package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which socket addresses count as "this machine" for the dev outbox. */
class DevOutboxTest {

    @Test
    void loopbackLiteralsOnly() {
        for (String local : new String[] {"127.0.0.1", "127.9.8.7", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1"}) {
            assertTrue(DevOutbox.isLoopback(local), local);
        }
        for (String remote : new String[] {"10.0.0.1", "192.168.1.5", "::2", "fe80::1", "0.0.0.0", "::", "128.0.0.1",
                "localhost", "127.0.0.1.attacker.example", "", " 127.0.0.1", null}) {
            assertFalse(DevOutbox.isLoopback(remote), String.valueOf(remote));
        }
    }
}
