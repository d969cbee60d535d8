package dev.gatehouse;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of every database-facing suite: one abstract suite, one subclass per database. Tables are
 * emptied before each test and the clock is put back to {@link MutableClock#T0}.
 */
public abstract class DatabaseSuite {

    protected static final MutableClock CLOCK = new MutableClock();
    private static final Map<TestDatabase, Gatehouse> SHARED = new EnumMap<>(TestDatabase.class);
    private static final String[] TABLES = {"audit_events", "oidc_flows", "oidc_identities", "passkey_challenges", "passkeys", "mfa_challenges", "recovery_codes", "mfa_totp", "sessions",
            "auth_tokens", "api_tokens", "user_roles", "roles", "ratelimit_buckets", "users", "gatehouse_cache_changes"};

    private final List<Gatehouse> custom = new ArrayList<>();

    protected abstract TestDatabase database();

    /**
     * Test settings: fast hashing, plain cookie, no background sweep, and no resolve cache (tests
     * rewrite rows with SQL behind the services' back; the cache has its own suite).
     */
    protected static AuthSettings.Builder testSettings() {
        return AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0).resolveCacheSeconds(0);
    }

    @BeforeEach
    void cleanDatabase() throws SQLException {
        gh();
        CLOCK.set(MutableClock.T0);
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                s.executeUpdate("DELETE FROM " + t);
            }
        }
    }

    @AfterEach
    void closeCustom() {
        custom.forEach(Gatehouse::close);
        custom.clear();
    }

    protected DataSource dataSource() {
        return database().dataSource();
    }

    /** The shared instance for this database with {@link #testSettings()}; migrates on first use. */
    protected Gatehouse gh() {
        synchronized (SHARED) {
            return SHARED.computeIfAbsent(database(), db -> Gatehouse.start(testSettings().build(), db.dataSource(), CLOCK));
        }
    }

    /** An instance with adjusted settings on the same database, closed after the test. */
    protected Gatehouse gh(UnaryOperator<AuthSettings.Builder> adjust) {
        gh();
        Gatehouse g = Gatehouse.start(adjust.apply(testSettings().runMigrations(false)).build(), dataSource(), CLOCK);
        custom.add(g);
        return g;
    }

    protected long count(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<List<String>> rows(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected void exec(String sql) {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
