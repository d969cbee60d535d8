package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link TwoNodesSuite} on the machine's PostgreSQL, where the nodes listen for each other's changes. */
class TwoNodesPostgresIT extends TwoNodesSuite {

    static final String LISTENERS = "FROM pg_stat_activity WHERE datname = current_database() "
            + "AND application_name = 'gatehouse-cache-listener'";

    @Override
    ExternalDatabase.Engine engine() {
        return ExternalDatabase.Engine.POSTGRES;
    }

    @Override
    Duration target() {
        return Duration.ofMillis(300);
    }

    void awaitListeners(int n) throws Exception {
        long end = System.nanoTime() + BUS_BOUND.toNanos();
        while (db.count("SELECT COUNT(*) " + LISTENERS) != n) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not " + n + " listeners after " + BUS_BOUND.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(20); // another process reconnecting
        }
    }

    @Test
    void aNodeWhoseListenerIsTerminatedDropsItsCacheAndListensAgain() throws Exception {
        awaitListeners(2);
        String email = unique("listener");
        String session = signUp(a, email);
        assertTrue(signedIn(b, session)); // cached on B
        db.execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = '" + email + "')");
        assertTrue(signedIn(b, session), "B serves its copy: nothing announced the delete");
        assertEquals(2, db.count("SELECT COUNT(pg_terminate_backend(pid)) " + LISTENERS));
        refusedWithinBound("listener terminated: cache dropped", () -> signedIn(b, session));
        awaitListeners(2);
        String again = signIn(a, email);
        assertTrue(signedIn(b, again));
        assertEquals(200, send(a, "POST", "/auth/logout", null, cookie(again)).status());
        refusedWithinBound("sign-out after the listener came back", () -> signedIn(b, again));
    }
}
