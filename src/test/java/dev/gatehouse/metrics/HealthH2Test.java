package dev.gatehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.Health;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gatehouse.health() on H2: up when all is well, down (without throwing) for each thing that is not. */
class HealthH2Test {

    private HikariDataSource pool;
    private Gatehouse gh;

    @BeforeEach
    void start() {
        pool = TestDatabase.H2.freshDataSource();
        gh = Gatehouse.start(AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0).build(), pool,
                new MutableClock());
    }

    @AfterEach
    void stop() {
        gh.close();
        pool.close();
    }

    @Test
    void aFreshlyMigratedDatabaseIsHealthy() {
        Health h = gh.health();
        assertTrue(h.up(), h.toString());
        assertEquals(List.of("database", "schema", "hashing"), h.checks().stream().map(Health.Check::name).toList());
        assertEquals(Health.Status.UP, h.check("schema").status());
        int changeSets = count("SELECT COUNT(*) FROM gatehouse_databasechangelog");
        assertEquals(changeSets + " of " + changeSets + " changesets applied", h.check("schema").detail());
        assertTrue(h.check("hashing").detail().contains("0 waiting"), h.check("hashing").detail());
    }

    @Test
    void aChangesetMissingFromTheDatabaseMakesTheSchemaDown() throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM gatehouse_databasechangelog WHERE ID = '0001-indexes'");
        }
        Health h = gh.health();
        assertFalse(h.up());
        assertEquals(Health.Status.DOWN, h.check("schema").status());
        assertTrue(h.check("schema").detail().contains("missing 0001-indexes"), h.check("schema").detail());
        assertEquals(Health.Status.UP, h.check("database").status());
    }

    @Test
    void anUnreachableDatabaseIsReportedDownWithoutAnException() {
        pool.close(); // every connection request now fails at once
        Health h = gh.health();
        assertFalse(h.up());
        assertEquals(new Health.Check("database", Health.Status.DOWN, "not reachable"), h.check("database"));
        assertEquals(Health.Status.DOWN, h.check("schema").status());
        assertEquals(Health.Status.UP, h.check("hashing").status());
    }

    private int count(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
