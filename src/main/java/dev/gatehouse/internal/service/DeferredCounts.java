package dev.gatehouse.internal.service;

import dev.gatehouse.internal.persistence.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

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

    private record Pending(AtomicLong count, long expiresAt) {
    }

    private final Transactions tx;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService flusher;

    DeferredCounts(Transactions tx) {
        this.tx = tx;
    }

    /** Adds one to the bucket {@code key} (whose window ends at {@code expiresAt}), written later. */
    void add(String key, String overflowKey, long expiresAt) {
        String k = pending.size() >= MAX_KEYS && !pending.containsKey(key) ? overflowKey : key;
        pending.computeIfAbsent(k, x -> new Pending(new AtomicLong(), expiresAt)).count().incrementAndGet();
        startFlusher();
    }

    /** Counts waiting in memory. */
    long pendingCount() {
        return pending.values().stream().mapToLong(p -> p.count().get()).sum();
    }

    /** Writes what is waiting. @return the number of counts written */
    long flush() {
        List<Map.Entry<String, Long>> batch = new ArrayList<>();
        long written = 0;
        for (String key : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(key);
            if (p == null) {
                continue;
            }
            batch.add(Map.entry(key + "\u0000" + p.expiresAt(), p.count().get()));
            if (batch.size() == BATCH) {
                written += write(batch);
                batch.clear();
            }
        }
        return written + write(batch);
    }

    private long write(List<Map.Entry<String, Long>> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            tx.retryingInsertRace(4, em -> {
                for (Map.Entry<String, Long> e : batch) {
                    String[] keyAndExpiry = e.getKey().split("\u0000", 2);
                    int n = em.createQuery("update RateLimitBucketEntity b set b.count = b.count + :n where b.bucketKey = :k")
                            .setParameter("n", e.getValue().intValue()).setParameter("k", keyAndExpiry[0]).executeUpdate();
                    if (n == 0) {
                        DbRateLimiter.insert(em, keyAndExpiry[0], e.getValue().intValue(), Long.parseLong(keyAndExpiry[1]));
                    }
                }
                return null;
            });
            return batch.stream().mapToLong(Map.Entry::getValue).sum();
        } catch (RuntimeException e) {
            for (Map.Entry<String, Long> back : batch) { // kept for the next flush
                String[] keyAndExpiry = back.getKey().split("\u0000", 2);
                pending.computeIfAbsent(keyAndExpiry[0], x -> new Pending(new AtomicLong(), Long.parseLong(keyAndExpiry[1])))
                        .count().addAndGet(back.getValue());
            }
            return 0;
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
