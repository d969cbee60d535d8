package dev.gatehouse.internal.cluster;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Reads the other nodes' changes from {@code gatehouse_cache_changes} every {@code cacheInvalidationPollMillis}.
 * Auto-increment ids are handed out in insert order but may commit out of order, so the floor the next read
 * starts above trails: it is the highest id seen a window ago (at least 30 s, and four times
 * {@code databaseTimeoutSeconds}, longer than a Gatehouse transaction lasts), and the ids read since are
 * remembered so each change is applied once. The first floor is the highest id older than the window, so
 * changes still committing when the node starts are read too. A failed read drops the whole cache and the
 * floor (the next read starts again from the window: a database that came back, or a promoted replica that
 * hands out ids again, loses nothing).
 */
final class TablePoller implements Receiver {

    private static final System.Logger LOG = System.getLogger("dev.gatehouse");

    private record Sample(long at, long maxId) {
    }

    private final String nodeId;
    private final DataSource dataSource;
    private final Clock clock;
    private final long everyMillis;
    private final int timeoutSeconds;
    private final long windowNanos;
    private final TreeSet<Long> seen = new TreeSet<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long floor = -1;
    private long maxSeen;
    private boolean failing;
    private volatile ScheduledExecutorService poller;

    TablePoller(String nodeId, DataSource dataSource, Clock clock, long everyMillis, int timeoutSeconds) {
        this.nodeId = nodeId;
        this.dataSource = dataSource;
        this.clock = clock;
        this.everyMillis = everyMillis;
        this.timeoutSeconds = timeoutSeconds;
        this.windowNanos = TimeUnit.SECONDS.toNanos(Math.max(30, 4L * timeoutSeconds));
    }

    /**
     * Takes the first floor before returning, so every change committed after this node started is read;
     * when that fails, the first read that succeeds takes it and drops the whole cache.
     */
    @Override
    public void start(Consumer<String> sink) {
        try (Connection c = dataSource.getConnection()) {
            takeFloor(c);
            endRead(c);
        } catch (SQLException | RuntimeException e) {
            floor = -1;
        }
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-cache-poller");
            t.setDaemon(true);
            return t;
        });
        poller = ex;
        ex.scheduleWithFixedDelay(() -> poll(sink), everyMillis, everyMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public String mode() {
        return "poll";
    }

    /** One read of the change table (on the poller's thread only). */
    void poll(Consumer<String> sink) {
        try (Connection c = dataSource.getConnection()) {
            if (floor < 0) {
                takeFloor(c);
                sink.accept("*"); // what changed before this read is unknown
            }
            readAbove(c, sink);
            endRead(c);
            long now = System.nanoTime();
            samples.addLast(new Sample(now, maxSeen));
            while (samples.size() > 1 && now - samples.peekFirst().at() > windowNanos) {
                floor = Math.max(floor, samples.removeFirst().maxId());
            }
            seen.headSet(floor, true).clear();
            if (failing) {
                LOG.log(Level.INFO, "Gatehouse: cache invalidation poller reads the change table again");
                failing = false;
            }
        } catch (Exception e) {
            sink.accept("*"); // changes may have been missed
            floor = -1;
            seen.clear();
            samples.clear();
            if (!failing) {
                LOG.log(Level.WARNING, "Gatehouse: cache invalidation poller failed (" + e.getMessage()
                        + "); the cache was dropped. Until the database answers, other nodes' changes reach this node "
                        + "within resolveCacheSeconds");
            }
            failing = true;
        }
    }

    /** The highest id written before the window: what may still be committing above it is read again. */
    private void takeFloor(Connection c) throws SQLException {
        Instant before = Instant.now(clock).minusNanos(windowNanos);
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM gatehouse_cache_changes WHERE created_at < ?")) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setObject(1, LocalDateTime.ofInstant(before, ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                floor = rs.next() ? rs.getLong(1) : 0;
            }
        }
        maxSeen = floor;
    }

    private static void endRead(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.rollback(); // a supplied pool's connection: end the read's transaction
        }
    }

    private void readAbove(Connection c, Consumer<String> sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, node_id, change_key FROM gatehouse_cache_changes WHERE id > ? ORDER BY id")) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setLong(1, floor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (seen.add(id)) {
                        maxSeen = Math.max(maxSeen, id);
                        if (!nodeId.equals(rs.getString(2))) {
                            sink.accept(rs.getString(3));
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService ex = poller;
        if (ex != null) {
            ex.shutdownNow();
            try {
                ex.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
