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
     * The bus for {@code cacheInvalidation}. Every mode but {@code off} publishes the same way (a row of the
     * change table, and on PostgreSQL a notification too), so nodes that receive differently still hear each
     * other. {@code auto} receives by {@code notify} on PostgreSQL when its driver's {@code PGConnection} is
     * visible to Gatehouse and reachable from the listening connection, else by {@code poll}.
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
        String nodeId = Changes.newNodeId();
        Receiver receiver = null;
        if (mode != CacheInvalidation.POLL && postgres) {
            PgListener.ConnectionSource source = listenerConnections(s, dataSource, ownPool);
            if (canListen(source)) {
                receiver = new PgListener(nodeId, source);
            } else if (mode == CacheInvalidation.AUTO) {
                LOG.log(Level.INFO, "Gatehouse: PostgreSQL's driver is not reachable from Gatehouse's class loader; "
                        + "this node polls the change table for other nodes' changes");
            }
        }
        if (receiver == null && mode == CacheInvalidation.NOTIFY) {
            throw new IllegalStateException("cacheInvalidation=notify needs PostgreSQL and its JDBC driver "
                    + "visible to Gatehouse; use cacheInvalidation=poll (or auto)");
        }
        if (receiver == null) {
            receiver = new TablePoller(nodeId, dataSource, clock, s.cacheInvalidationPollMillis(),
                    s.databaseTimeoutSeconds());
        }
        return new SqlChangeBus(nodeId, postgres, clock, receiver);
    }

    /** Rows of the change table older than {@code before}: the housekeeping sweep's. */
    public static int sweep(jakarta.persistence.EntityManager em, java.time.Instant before) {
        return em.createNativeQuery("DELETE FROM gatehouse_cache_changes WHERE created_at < ?1")
                .setParameter(1, java.time.LocalDateTime.ofInstant(before, java.time.ZoneOffset.UTC)).executeUpdate();
    }

    /** Whether the driver's listening API is visible and a connection of the source unwraps to it. */
    private static boolean canListen(PgListener.ConnectionSource source) {
        if (!driverVisible()) {
            return false;
        }
        try (Connection c = source.open()) {
            return c.isWrapperFor(org.postgresql.PGConnection.class);
        } catch (SQLException e) {
            return true; // the database did not answer this time: the listener retries until it does
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
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

    private static PgListener.ConnectionSource listenerConnections(DatabaseSettings s, DataSource dataSource,
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
