package dev.gatehouse.internal.session;

import dev.gatehouse.internal.cluster.ChangeBus;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small per-node cache of what every request resolves (session rows, API tokens, users, role
 * grants), each entry tagged with its user. Writes through Gatehouse's services invalidate the
 * user's entries on this node once the change has committed. The transaction that makes the change
 * also {@linkplain #announce announces} it on the {@link ChangeBus}, which tells the other nodes after
 * the commit; whatever the bus does, no node serves an entry older than {@code resolveCacheSeconds}.
 * Bounded: when full it starts over.
 *
 * <p>A request that read the database before a change committed must not put what it read back
 * after the change's invalidation: every read takes a {@link #stamp()} first, and a put whose
 * stamp is older than an invalidation of its user or key is dropped.
 */
public final class ResolveCache {

    private record Entry(Object value, String userId, long storedAt) {
    }

    /** The invalidation mark of everything about one user (a key's own mark is the key). */
    private record UserMark(String userId) {
    }

    private final ConcurrentHashMap<CacheKey<?>, Entry> entries = new ConcurrentHashMap<>();
    /** When each user ({@link UserMark}) or key ({@link CacheKey}) was last invalidated, as a generation. */
    private final ConcurrentHashMap<Object, Long> invalidated = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    /** The generation of the last invalidation of everything. */
    private volatile long everythingInvalidated;
    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final ChangeBus bus;

    /** A cache that tells no other node (a single node, or tests). */
    public ResolveCache(Clock clock, long ttlSeconds, int maxEntries) {
        this(clock, ttlSeconds, maxEntries, ChangeBus.NONE);
    }

    public ResolveCache(Clock clock, long ttlSeconds, int maxEntries, ChangeBus bus) {
        this.clock = clock;
        this.ttlMillis = ttlSeconds * 1000;
        this.maxEntries = maxEntries;
        this.bus = bus;
    }

    /**
     * Tells the other nodes, inside the transaction open on {@code em}, to forget a session or an API token
     * once it commits; this node forgets it with {@link #remove} after the commit.
     */
    public void announce(EntityManager em, CacheKey<?> key) {
        if (key instanceof CacheKey.SessionRow s) {
            bus.publish(em, "s:" + s.tokenSha256());
        } else if (key instanceof CacheKey.ApiTokenRow t) {
            bus.publish(em, "t:" + t.tokenSha256());
        } else {
            throw new IllegalArgumentException("announce sessions and API tokens by key, the rest by user");
        }
    }

    /** Tells the other nodes, inside the transaction, to forget everything about the user once it commits. */
    public void announceUser(EntityManager em, String userId) {
        if (userId != null) {
            bus.publish(em, "u:" + userId);
        }
    }

    /** Tells the other nodes, inside the transaction, to forget everything once it commits (a role's permissions). */
    public void announceAll(EntityManager em) {
        bus.publish(em, "*");
    }

    /** Applies another node's announced change (as {@link ChangeBus} delivers it); an unknown one drops everything. */
    public void forget(String change) {
        if (change.startsWith("s:")) {
            remove(new CacheKey.SessionRow(change.substring(2)));
        } else if (change.startsWith("t:")) {
            remove(new CacheKey.ApiTokenRow(change.substring(2)));
        } else if (change.startsWith("u:")) {
            invalidateUser(change.substring(2));
        } else {
            invalidateAll();
        }
    }

    public boolean enabled() {
        return ttlMillis > 0;
    }

    /** The value kept for the key, or null when there is none or it is older than {@code resolveCacheSeconds}. */
    @SuppressWarnings("unchecked") // put stores only a V under a CacheKey<V>
    public <V> V get(CacheKey<V> key) {
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
        return (V) e.value();
    }

    /** Taken before reading what will be {@linkplain #put put}. */
    public long stamp() {
        return generation.get();
    }

    /** Keeps what a read found, unless the user or key was invalidated since the read's {@code stamp}. */
    public <V> void put(CacheKey<V> key, String userId, V value, long stamp) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry(value, userId, clock.millis()));
        if (staleSince(stamp, key, userId)) {
            entries.remove(key); // an invalidation ran while the value was read: it may be stale
        }
    }

    private boolean staleSince(long stamp, CacheKey<?> key, String userId) {
        return everythingInvalidated > stamp || invalidated.getOrDefault(key, 0L) > stamp
                || (userId != null && invalidated.getOrDefault(new UserMark(userId), 0L) > stamp);
    }

    /** Forgets one entry (a session signed out); call after the change committed. */
    public void remove(CacheKey<?> key) {
        mark(key);
        entries.remove(key);
    }

    /** Forgets everything about one user (sessions, tokens, the user row, role grants); call after the change committed. */
    public void invalidateUser(String userId) {
        if (userId != null) {
            mark(new UserMark(userId));
            entries.values().removeIf(e -> userId.equals(e.userId()));
        }
    }

    public void invalidateAll() {
        everythingInvalidated = generation.incrementAndGet();
        entries.clear();
    }

    private void mark(Object what) {
        if (invalidated.size() >= maxEntries) {
            // first the generation, then forget the marks: a put checking in between must see one of them
            everythingInvalidated = generation.incrementAndGet();
            invalidated.clear();
        }
        invalidated.put(what, generation.incrementAndGet());
    }
}
