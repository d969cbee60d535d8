package dev.gatehouse.internal.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.DatabaseSettings;

/** The HikariCP pools Gatehouse opens itself (the library's and the command line's), with one set of timeouts. */
public final class Pools {

    private Pools() {
    }

    /**
     * Opens a pool on {@link DatabaseSettings#jdbcUrl()}: connections, validation and the first
     * connection bounded by {@code databaseTimeoutSeconds}, READ COMMITTED, auto-commit.
     *
     * @throws IllegalStateException the database cannot be reached (the message never shows a password)
     */
    public static HikariDataSource open(AuthSettings s, String name, int maxSize) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(name);
        c.setJdbcUrl(s.database().jdbcUrl());
        c.setUsername(s.database().jdbcUser());
        c.setPassword(s.database().jdbcPassword());
        c.setMaximumPoolSize(maxSize);
        c.setConnectionTimeout(s.database().databaseTimeoutSeconds() * 1000L);
        c.setValidationTimeout(Math.min(s.database().databaseTimeoutSeconds() * 1000L, 5000L));
        c.setInitializationFailTimeout(s.database().databaseTimeoutSeconds() * 1000L);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        c.setAutoCommit(true);
        if (s.database().jdbcUrl() != null && s.database().jdbcUrl().startsWith("jdbc:postgresql:")) {
            // PostgreSQL cancels a timed-out statement over a second connection, and the statement
            // waits for that cancel (10 s by default) even when the database does not answer at all.
            c.addDataSourceProperty("cancelSignalTimeout", Integer.toString(s.database().databaseTimeoutSeconds()));
            c.addDataSourceProperty("connectTimeout", Integer.toString(s.database().databaseTimeoutSeconds()));
        }
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Gatehouse cannot connect to " + redact(s.database().jdbcUrl()) + ": " + e.getMessage(), e);
        }
    }

    /** JDBC URLs may carry a password parameter; never print it. */
    public static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
