package dev.gatehouse.internal.service;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small per-node cache of what every request resolves (session rows, API tokens, users, role
 * grants), each entry tagged with its user. Writes through Gatehouse's services invalidate the
 * user's entries on this node at once; other nodes see a change after at most
 * {@code resolveCacheSeconds}. Bounded: when full it starts over.
 */
public final class ResolveCache {

    private record Entry(Object value, String userId, long storedAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;

    public ResolveCache(Clock clock, long ttlSeconds, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttlSeconds * 1000;
        this.maxEntries = maxEntries;
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    @SuppressWarnings("unchecked")
    <T> T get(String key) {
        if (!enabled()) {
            return null;
        }
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.millis() - e.storedAt() >= ttlMillis) {
            entries.remove(key, e);
            return null;
        }
        return (T) e.value();
    }

    void put(String key, String userId, Object value) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(value, userId, clock.millis()));
    }

    void remove(String key) {
        entries.remove(key);
    }

    /** Forgets everything about one user (sessions, tokens, the user row, role grants). */
    void invalidateUser(String userId) {
        if (userId != null) {
            entries.values().removeIf(e -> userId.equals(e.userId()));
        }
    }

    void invalidateAll() {
        entries.clear();
    }
}
