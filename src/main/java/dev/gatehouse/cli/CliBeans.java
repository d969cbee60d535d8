package dev.gatehouse.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.Mailer;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * What the CLI hands Gatehouse's CDI producer: its settings and one small pool. Deliberately
 * without a bean-defining annotation: the CLI adds it to its Weld SE container by hand, and an
 * application that has the Gatehouse jar must never discover it.
 */
class CliBeans {

    static volatile AuthSettings settings;
    static volatile HikariDataSource pool;

    static HikariDataSource pool(AuthSettings s) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("gatehouse-cli");
        c.setJdbcUrl(s.database().jdbcUrl());
        c.setUsername(s.database().jdbcUser());
        c.setPassword(s.database().jdbcPassword());
        c.setMaximumPoolSize(2);
        c.setConnectionTimeout(s.database().databaseTimeoutSeconds() * 1000L);
        c.setInitializationFailTimeout(s.database().databaseTimeoutSeconds() * 1000L);
        c.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new CliException(CliException.FAILED, "cannot reach the database: " + root.getMessage());
        }
    }

    @Produces
    @ForGatehouse
    AuthSettings settings() {
        return settings;
    }

    @Produces
    @ForGatehouse
    DataSource dataSource() {
        return pool;
    }

    /** No command sends email; this one keeps Gatehouse from building an SMTP or outbox mailer it would never use. */
    @Produces
    @ForGatehouse
    Mailer mailer() {
        return message -> {
            throw new CliException(CliException.FAILED, "the command line sends no email");
        };
    }
}
