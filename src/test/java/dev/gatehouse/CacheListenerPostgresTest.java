package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.CacheInvalidation;
import dev.gatehouse.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's listener when its connection dies: the node drops its whole cache (it may have missed
 * changes), reconnects, and changes reach it again. {@code resolveCacheSeconds=300} and a clock that never
 * moves, so only the listener can explain what the node refuses.
 */
class CacheListenerPostgresTest extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String LISTENERS = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
            + "AND query = 'LISTEN gatehouse_cache'";

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

    Gatehouse node() {
        return gh(b -> b.resolveCacheSeconds(300).cacheInvalidation(CacheInvalidation.NOTIFY));
    }

    @Test
    void aTerminatedListenerDropsTheCacheAndListensAgain() {
        Gatehouse a = node();
        Gatehouse b = node();
        CacheInvalidationSuite.await("two listeners", () -> count(LISTENERS) == 2);
        SignInResult s = a.auth().signUp("listener@example.com", null, PW, null, null);
        assertTrue(CacheInvalidationSuite.alive(b, s));
        exec("DELETE FROM sessions"); // behind the nodes' back: nothing is announced
        assertTrue(CacheInvalidationSuite.alive(b, s), "served from B's cache");

        long killed = count("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query = 'LISTEN gatehouse_cache'");
        assertTrue(killed >= 1, "no listener to terminate");
        CacheInvalidationSuite.await("B dropping its cache when its listener died",
                () -> !CacheInvalidationSuite.alive(b, s));

        CacheInvalidationSuite.await("both listeners back", () -> count(LISTENERS) == 2);
        SignInResult again = a.auth().signIn("listener@example.com", PW, null, null);
        assertTrue(CacheInvalidationSuite.alive(b, again));
        a.sessions().signOut(again.cookie().value());
        CacheInvalidationSuite.await("a sign-out on A refused on B after the listener came back",
                () -> !CacheInvalidationSuite.alive(b, again));
    }
}
