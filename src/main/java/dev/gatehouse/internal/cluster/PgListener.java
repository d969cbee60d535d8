package dev.gatehouse.internal.cluster;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Receives PostgreSQL's notifications on {@code gatehouse_cache} (sent as {@code '<node> <change>'}, after
 * the sending transaction commits and never after a rollback). One daemon thread keeps a listening
 * connection of its own; on any error it drops the whole cache (it may have missed changes), reconnects
 * with a backoff from 100 ms to 10 s, and drops the cache again once it listens (for what was sent in
 * between). A connection borrowed from a supplied pool is put in auto-commit and {@code UNLISTEN}ed before
 * it goes back.
 */
final class PgListener implements Receiver {

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

    PgListener(String nodeId, ConnectionSource source) {
        this.nodeId = nodeId;
        this.source = source;
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
                try {
                    c.setAutoCommit(true); // LISTEN inside a transaction that never commits would hear nothing
                    try (Statement st = c.createStatement()) {
                        st.execute("LISTEN " + SqlChangeBus.CHANNEL);
                    }
                    sink.accept("*"); // whatever was sent before this connection listened was missed
                    if (failing) {
                        LOG.log(Level.INFO, "Gatehouse: cache invalidation listener is listening again");
                    }
                    failing = false;
                    backoff = 100;
                    receive(c, sink);
                } finally {
                    unlisten(c);
                }
            } catch (Exception e) {
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

    /** A pooled connection must not go back still listening: its driver would queue every notification. */
    private static void unlisten(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("UNLISTEN *");
        } catch (SQLException | RuntimeException ignored) {
            // a dead connection listens to nothing
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
        Thread t = thread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(TimeUnit.SECONDS.toMillis(2)); // it unlistens and gives its connection back
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
