package dev.gatehouse.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.persistence.Pools;
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

    /** Two connections, with the library's timeouts. */
    static HikariDataSource pool(AuthSettings s) {
        try {
            return Pools.open(s, "gatehouse-cli", 2);
        } catch (IllegalStateException e) {
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
