package dev.gatehouse.internal.cluster;

import jakarta.persistence.EntityManager;
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
 * {@code cacheInvalidation=poll}: a change is a row of {@code gatehouse_cache_changes}, inserted by the
 * transaction that makes it. Every {@code cacheInvalidationPollMillis} each node reads the rows above a
 * floor. Auto-increment ids are handed out in insert order but may commit out of order, so the floor
 * trails: it is the highest id seen {@link #WINDOW_NANOS} ago, and the ids read since are remembered so
 * each change is applied once. A failed read drops the whole cache (changes may have been missed while the
 * database did not answer). Rows older than an hour are deleted once a minute.
 */
final class PollingBus implements ChangeBus {

    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);
    static final long KEEP_SECONDS = 3600;
    private static final long TRIM_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final System.Logger LOG = System.getLogger("dev.gatehouse");

    private record Sample(long at, long maxId) {
    }

    private final String nodeId;
    private final DataSource dataSource;
    private final Clock clock;
    private final long everyMillis;
    private final int timeoutSeconds;
    private final TreeSet<Long> seen = new TreeSet<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private long floor = -1;
    private long maxSeen;
    private long trimmedAt = System.nanoTime();
    private boolean failing;
    private volatile ScheduledExecutorService poller;

    PollingBus(String nodeId, DataSource dataSource, Clock clock, long everyMillis, int timeoutSeconds) {
        this.nodeId = nodeId;
        this.dataSource = dataSource;
        this.clock = clock;
        this.everyMillis = everyMillis;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public void publish(EntityManager em, String change) {
        Changes.inTransaction(em, "INSERT INTO gatehouse_cache_changes (node_id, change_key, created_at) VALUES (?, ?, ?)",
                ps -> {
                    ps.setString(1, nodeId);
                    ps.setString(2, change);
                    ps.setObject(3, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
                });
    }

    /**
     * Reads where the table stands before returning, so every change committed after this node started is
     * read; when that fails, the first read that succeeds takes the floor and drops the whole cache.
     */
    @Override
    public void start(Consumer<String> sink) {
        try (Connection c = dataSource.getConnection()) {
            floor = maxId(c);
            maxSeen = floor;
            if (!c.getAutoCommit()) {
                c.rollback();
            }
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
                floor = maxId(c);
                maxSeen = floor;
                sink.accept("*"); // what changed before this read is unknown
            }
            readAbove(c, sink);
            if (!c.getAutoCommit()) {
                c.rollback(); // a supplied pool's connection: end the read's transaction
            }
            long now = System.nanoTime();
            samples.addLast(new Sample(now, maxSeen));
            while (samples.size() > 1 && now - samples.peekFirst().at() > WINDOW_NANOS) {
                floor = Math.max(floor, samples.removeFirst().maxId());
            }
            seen.headSet(floor, true).clear();
            if (now - trimmedAt > TRIM_NANOS) {
                trim(c);
                trimmedAt = now;
            }
            if (failing) {
                LOG.log(Level.INFO, "Gatehouse: cache invalidation poller reads the change table again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            sink.accept("*"); // changes may have been missed
            if (!failing) {
                LOG.log(Level.WARNING, "Gatehouse: cache invalidation poller failed (" + e.getMessage()
                        + "); the cache was dropped. Until the database answers, other nodes' changes reach this node "
                        + "within resolveCacheSeconds");
            }
            failing = true;
        }
    }

    private long maxId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM gatehouse_cache_changes")) {
            ps.setQueryTimeout(timeoutSeconds);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
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

    private void trim(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM gatehouse_cache_changes WHERE created_at < ?")) {
            ps.setQueryTimeout(timeoutSeconds);
            ps.setObject(1, LocalDateTime.ofInstant(Instant.now(clock).minusSeconds(KEEP_SECONDS), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService ex = poller;
        if (ex != null) {
            ex.shutdownNow();
        }
    }
}
