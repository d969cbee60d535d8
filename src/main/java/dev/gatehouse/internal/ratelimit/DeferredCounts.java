package dev.gatehouse.internal.ratelimit;

import dev.gatehouse.internal.persistence.BucketRepository;
import dev.gatehouse.internal.persistence.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rate-limit counts recorded in memory and written to {@code ratelimit_buckets} in batches, one
 * transaction per {@value #BATCH} buckets, about once a second. For attempts that are refused
 * before any database work (load shedding): they are still counted, without costing the database
 * one transaction each while it is busiest. At most {@value #MAX_KEYS} buckets wait in memory;
 * beyond that, counts go to one overflow bucket per scope. When the database is unavailable the
 * counts stay in memory and are written by a later flush. A daemon thread is started on first use.
 */
final class DeferredCounts implements AutoCloseable {

    static final int BATCH = 500;
    static final int MAX_KEYS = 100_000;

    /** What waits for one bucket; immutable, so {@link ConcurrentHashMap#merge} and {@code remove} never lose a count. */
    private record Pending(long count, long expiresAt) {
        Pending plus(Pending other) {
            return new Pending(count + other.count, Math.max(expiresAt, other.expiresAt));
        }
    }

    private record Due(String key, Pending pending) {
    }

    private final Transactions tx;
    private final BucketRepository buckets;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService flusher;

    DeferredCounts(Transactions tx, BucketRepository buckets) {
        this.tx = tx;
        this.buckets = buckets;
    }

    /** Adds one to the bucket {@code key} (whose window ends at {@code expiresAt}), written later. */
    void add(String key, String overflowKey, long expiresAt) {
        String k = pending.size() >= MAX_KEYS && !pending.containsKey(key) ? overflowKey : key;
        pending.merge(k, new Pending(1, expiresAt), Pending::plus);
        startFlusher();
    }

    /** Writes what is waiting, {@value #BATCH} buckets a transaction. */
    void flush() {
        List<Due> batch = new ArrayList<>();
        for (String key : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(key);
            if (p != null) {
                batch.add(new Due(key, p));
            }
            if (batch.size() == BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        write(batch);
    }

    private void write(List<Due> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            tx.retryingInsertRace(4, em -> {
                for (Due d : batch) {
                    if (buckets.add(em, d.key(), (int) d.pending().count()) == 0) {
                        buckets.insert(em, d.key(), (int) d.pending().count(), d.pending().expiresAt());
                    }
                }
                return null;
            });
        } catch (RuntimeException e) {
            for (Due d : batch) { // kept for the next flush
                pending.merge(d.key(), d.pending(), Pending::plus);
            }
            throw e;
        }
    }

    private void startFlusher() {
        if (flusher == null) {
            synchronized (this) {
                if (flusher == null) {
                    ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "gatehouse-deferred-counts");
                        t.setDaemon(true);
                        return t;
                    });
                    ex.scheduleWithFixedDelay(this::flushQuietly, 1, 1, TimeUnit.SECONDS);
                    flusher = ex;
                }
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            System.getLogger(DeferredCounts.class.getName()).log(System.Logger.Level.WARNING,
                    "Gatehouse could not write deferred rate-limit counts yet: " + e);
        }
    }

    /** Stops the flusher after a last flush. */
    @Override
    public void close() {
        ScheduledExecutorService ex = flusher;
        if (ex != null) {
            ex.shutdownNow();
        }
        flushQuietly();
    }
}
