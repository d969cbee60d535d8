package dev.gatehouse.config;

import java.util.Locale;

/**
 * How a node tells the other nodes on the same database to forget what a change made stale in their
 * resolve caches (setting {@code cacheInvalidation}). Whatever the choice, {@code resolveCacheSeconds}
 * stays the outer bound on how long a node may serve what it cached.
 */
public enum CacheInvalidation {
    /** {@link #NOTIFY} on PostgreSQL (when its driver is visible to Gatehouse), {@link #POLL} elsewhere (the default). */
    AUTO,
    /**
     * PostgreSQL only: the transaction that makes the change calls {@code pg_notify}, delivered after it commits;
     * each node listens on one connection of its own, outside the pool.
     */
    NOTIFY,
    /**
     * Any database: the transaction that makes the change inserts a row into {@code gatehouse_cache_changes};
     * each node reads the new rows every {@code cacheInvalidationPollMillis}.
     */
    POLL,
    /** Nothing is sent: other nodes see a change after at most {@code resolveCacheSeconds}. */
    OFF;

    /** The wire name: {@code auto}, {@code notify}, {@code poll} or {@code off}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
