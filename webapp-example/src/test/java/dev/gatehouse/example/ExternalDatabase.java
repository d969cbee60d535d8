package dev.gatehouse.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A new, empty database on the machine's PostgreSQL or MariaDB for one test class, dropped by
 * {@link #close()}. Admin URLs come from GATEHOUSE_TEST_POSTGRES_URL / GATEHOUSE_TEST_MARIADB_URL
 * (defaults: the local servers). Unreachable: a failure when CI is set, a loud skip otherwise.
 */
final class ExternalDatabase implements AutoCloseable {

    enum Engine { POSTGRES, MARIADB }

    final Engine engine;
    final String name;
    private final String admin;

    private ExternalDatabase(Engine engine, String name, String admin) {
        this.engine = engine;
        this.name = name;
        this.admin = admin;
    }

    static ExternalDatabase create(Engine engine) {
        String name = "gh_ex_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String admin = engine == Engine.POSTGRES
                ? env("GATEHOUSE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
                : env("GATEHOUSE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        try {
            exec(admin, engine == Engine.POSTGRES ? "CREATE DATABASE " + name
                    : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            String msg = engine + " is not reachable at " + admin + " (" + e.getMessage() + ")";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new AssertionError(msg + ": CI is set, so this database is required", e);
            }
            System.err.println("!!! SKIPPING " + engine + " TESTS: " + msg + " (set CI=true to make this a failure)");
            Assumptions.abort(msg);
        }
        return new ExternalDatabase(engine, name, admin);
    }

    /** JDBC URL of this database, user included. */
    String url() {
        return admin.replaceFirst("/test(\\?|$)", "/" + name + "$1");
    }

    /** The same URL with host and port replaced, e.g. to go through a proxy. */
    String urlVia(String host, int port) {
        return url().replaceFirst("//[^/]+/", "//" + host + ":" + port + "/");
    }

    /** The database's host and port as the admin URL names them. */
    String host() {
        return admin.replaceFirst("^jdbc:[a-z]+://([^:/]+).*$", "$1");
    }

    int port() {
        String p = admin.replaceFirst("^jdbc:[a-z]+://[^:/]+:(\\d+)/.*$", "$1");
        return p.equals(admin) ? (engine == Engine.POSTGRES ? 5432 : 3306) : Integer.parseInt(p);
    }

    long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Override
    public void close() {
        try {
            exec(admin, engine == Engine.POSTGRES ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"
                    : "DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
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
}
