package dev.gatehouse.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The three databases every persistence behaviour runs on. Each test JVM gets its own freshly
 * created database per engine (dropped at exit). PostgreSQL and MariaDB come from the machine
 * (override with GATEHOUSE_TEST_POSTGRES_URL / GATEHOUSE_TEST_MARIADB_URL, admin connection
 * URLs); when one is unreachable the tests fail if CI is set, and are skipped loudly otherwise.
 */
public enum TestDatabase {
    H2, POSTGRES, MARIADB;

    private static final Map<TestDatabase, HikariDataSource> POOLS = new EnumMap<>(TestDatabase.class);
    private static final Map<TestDatabase, String> FAILURES = new EnumMap<>(TestDatabase.class);

    /** A migrated-or-not empty database of this engine, shared by the whole test JVM. */
    public synchronized DataSource dataSource() {
        if (FAILURES.containsKey(this)) {
            unavailable(FAILURES.get(this));
        }
        HikariDataSource ds = POOLS.get(this);
        if (ds == null) {
            try {
                ds = create();
            } catch (SQLException e) {
                FAILURES.put(this, e.getMessage());
                unavailable(e.getMessage());
            }
            POOLS.put(this, ds);
        }
        return ds;
    }

    /** A new, empty database of this engine (dropped at JVM exit); the caller closes the pool. */
    public HikariDataSource freshDataSource() {
        dataSource();
        try {
            return create();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void unavailable(String why) {
        String msg = this + " is not reachable (" + why + ")";
        if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
            throw new AssertionError(msg + ": CI is set, so this database is required");
        }
        System.err.println("!!! SKIPPING " + this + " TESTS: " + msg + " (set CI=true to make this a failure)");
        Assumptions.abort(msg);
    }

    /** JDBC URL (with credentials) of a new, empty database of this engine, dropped at JVM exit. */
    public String freshUrl() {
        dataSource();
        try (HikariDataSource ds = create()) {
            return ds.getJdbcUrl() + (this == POSTGRES ? (ds.getJdbcUrl().contains("?") ? "&" : "?") + "user=postgres" : "");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private HikariDataSource create() throws SQLException {
        String name = "gh_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url;
        String user = null;
        switch (this) {
            case H2 -> url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
            case POSTGRES -> {
                String admin = env("GATEHOUSE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                exec(admin, "CREATE DATABASE " + name);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
                url = admin.replaceFirst("/test(\\?|$)", "/" + name + "$1");
                user = "postgres";
            }
            default -> {
                String admin = env("GATEHOUSE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
                exec(admin, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(admin, "DROP DATABASE IF EXISTS " + name)));
                url = admin.replaceFirst("/test(\\?|$)", "/" + name + "$1");
                user = "root";
            }
        }
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        if (user != null && !url.contains("user=")) {
            c.setUsername(user);
        }
        c.setMaximumPoolSize(24);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        c.setPoolName("test-" + name());
        return new HikariDataSource(c);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void exec(String url, String sql) throws SQLException {
        DriverManager.setLoginTimeout(5);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void quietly(String url, String sql) {
        try {
            exec(url, sql);
        } catch (SQLException e) {
            System.err.println("could not clean up test database: " + e.getMessage());
        }
    }
}
