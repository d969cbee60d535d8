package dev.gatehouse.internal.cluster;

import dev.gatehouse.config.CacheInvalidation;
import dev.gatehouse.config.DatabaseSettings;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Locale;
import java.util.Properties;
import javax.sql.DataSource;

/** Chooses the {@link ChangeBus} the settings ask for, on the database Gatehouse runs on. */
public final class ChangeBuses {

    private static final System.Logger LOG = System.getLogger("dev.gatehouse");

    private ChangeBuses() {
    }

    /**
     * The bus for {@code cacheInvalidation}: {@code auto} is {@code notify} on PostgreSQL when its driver's
     * {@code PGConnection} is visible to Gatehouse, else {@code poll}.
     *
     * @param ownPool whether Gatehouse opened the pool itself on {@code jdbcUrl} (the listener then opens its
     *                own connection on that URL; otherwise it holds one connection of {@code dataSource})
     * @throws IllegalStateException {@code notify} was asked for on another database, or without the driver
     */
    public static ChangeBus open(DatabaseSettings s, DataSource dataSource, boolean ownPool, Clock clock) {
        CacheInvalidation mode = s.cacheInvalidation();
        if (mode == CacheInvalidation.OFF) {
            return ChangeBus.NONE;
        }
        boolean postgres = isPostgres(dataSource);
        if (mode == CacheInvalidation.NOTIFY || mode == CacheInvalidation.AUTO && postgres) {
            if (!postgres || !driverVisible()) {
                if (mode == CacheInvalidation.NOTIFY) {
                    throw new IllegalStateException("cacheInvalidation=notify needs PostgreSQL and its JDBC driver "
                            + "visible to Gatehouse; use cacheInvalidation=poll (or auto)");
                }
                LOG.log(Level.INFO, "Gatehouse: PostgreSQL's driver is not visible to Gatehouse; cache invalidation "
                        + "polls the change table");
            } else {
                return new PgNotifyBus(Changes.newNodeId(), listenerConnections(s, dataSource, ownPool));
            }
        }
        return new PollingBus(Changes.newNodeId(), dataSource, clock, s.cacheInvalidationPollMillis(),
                s.databaseTimeoutSeconds());
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("Gatehouse cannot read which database it runs on: " + e.getMessage(), e);
        }
    }

    private static boolean driverVisible() {
        try {
            Class.forName("org.postgresql.PGConnection", false, ChangeBuses.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static PgNotifyBus.ConnectionSource listenerConnections(DatabaseSettings s, DataSource dataSource,
                                                                    boolean ownPool) {
        String url = s.cacheInvalidationListenerUrl() != null ? s.cacheInvalidationListenerUrl()
                : ownPool ? s.jdbcUrl() : null;
        if (url == null) {
            return dataSource::getConnection; // a supplied DataSource: hold one of its connections
        }
        Properties p = new Properties();
        if (s.jdbcUser() != null) {
            p.setProperty("user", s.jdbcUser());
        }
        if (s.jdbcPassword() != null) {
            p.setProperty("password", s.jdbcPassword());
        }
        p.setProperty("ApplicationName", "gatehouse-cache-listener");
        p.setProperty("connectTimeout", Integer.toString(s.databaseTimeoutSeconds()));
        p.setProperty("tcpKeepAlive", "true");
        return () -> DriverManager.getConnection(url, p);
    }
}
