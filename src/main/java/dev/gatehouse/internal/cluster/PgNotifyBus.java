package dev.gatehouse.internal.cluster;

import jakarta.persistence.EntityManager;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * {@code cacheInvalidation=notify}: a change is {@code pg_notify('gatehouse_cache', '<node> <change>')} in the
 * transaction that makes it (PostgreSQL delivers it after the commit, never after a rollback). One daemon
 * thread per node keeps a listening connection of its own; on any error it drops the whole cache (it may
 * have missed changes), reconnects with a backoff from 100 ms to 10 s, and drops the cache again once it
 * listens (for what was sent in between).
 */
final class PgNotifyBus implements ChangeBus {

    static final String CHANNEL = "gatehouse_cache";
    private static final System.Logger LOG = System.getLogger("dev.gatehouse");
    private static final long POLL_MILLIS = 500;
    private static final long CHECK_MILLIS = 10_000;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    /** Opens the listening connection. */
    interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final String nodeId;
    private final ConnectionSource source;
    private volatile boolean closed;
    private volatile Thread thread;
    private volatile Connection current;

    PgNotifyBus(String nodeId, ConnectionSource source) {
        this.nodeId = nodeId;
        this.source = source;
    }

    @Override
    public void publish(EntityManager em, String change) {
        Changes.inTransaction(em, "SELECT pg_notify(?, ?)", ps -> {
            ps.setString(1, CHANNEL);
            ps.setString(2, nodeId + " " + change);
        });
    }

    @Override
    public void start(Consumer<String> sink) {
        Thread t = new Thread(() -> listen(sink), "gatehouse-cache-listener");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public String mode() {
        return "notify";
    }

    private void listen(Consumer<String> sink) {
        long backoff = 100;
        boolean failing = false;
        while (!closed) {
            try (Connection c = source.open()) {
                current = c;
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN " + CHANNEL);
                }
                sink.accept("*"); // whatever was sent before this connection listened was missed
                if (failing) {
                    LOG.log(Level.INFO, "Gatehouse: cache invalidation listener is listening again");
                }
                failing = false;
                backoff = 100;
                receive(c, sink);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                sink.accept("*"); // changes may have been missed: forget everything
                if (!failing) {
                    LOG.log(Level.WARNING, "Gatehouse: cache invalidation listener failed (" + e.getMessage()
                            + "); the cache was dropped and the listener reconnects. Until it does, other nodes' "
                            + "changes reach this node within resolveCacheSeconds");
                }
                failing = true;
                try {
                    TimeUnit.MILLISECONDS.sleep(backoff); // reconnect backoff
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                current = null;
            }
        }
    }

    private void receive(Connection c, Consumer<String> sink) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] batch = pg.getNotifications((int) POLL_MILLIS);
            if (batch != null) {
                for (PGNotification n : batch) {
                    deliver(n.getParameter(), sink);
                }
            }
            if (System.nanoTime() - checked > TimeUnit.MILLISECONDS.toNanos(CHECK_MILLIS)) {
                if (!c.isValid(5)) { // a connection cut without a reset answers nothing: ask
                    throw new SQLException("the listening connection stopped answering");
                }
                checked = System.nanoTime();
            }
        }
    }

    private void deliver(String payload, Consumer<String> sink) {
        int space = payload == null ? -1 : payload.indexOf(' ');
        if (space <= 0) {
            return;
        }
        if (!payload.substring(0, space).equals(nodeId)) {
            sink.accept(payload.substring(space + 1));
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException | RuntimeException ignored) {
                // closing: the thread ends either way
            }
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }
}
