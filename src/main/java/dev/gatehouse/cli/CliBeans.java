package dev.gatehouse.cli;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.persistence.Pools;
import dev.gatehouse.mail.Mailer;
import jakarta.enterprise.inject.Produces;
import javax.sql.DataSource;

/**
 * What the CLI hands Gatehouse's CDI producer: its settings, one small pool and its mailer. Deliberately
 * without a bean-defining annotation: the CLI adds it to its Weld SE container by hand, and an
 * application that has the Gatehouse jar must never discover it.
 */
class CliBeans {

    static volatile AuthSettings settings;
    static volatile HikariDataSource pool;
    static volatile CliMailer mailer;

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

    /**
     * The security notices' way out (the CDI producer subscribes them to it): SMTP when configured, else a
     * mailer that refuses. Never the dev outbox, whose messages would vanish with the process.
     */
    @Produces
    @ForGatehouse
    Mailer mailer() {
        return mailer;
    }
}
