package dev.gatehouse.internal.ratelimit;

import dev.gatehouse.internal.account.Identifiers;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.RateLimitBucketEntity;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimiter;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Fixed-window counters in {@code ratelimit_buckets}. An increment is a guarded UPDATE, or an
 * INSERT when the window has no row yet; the loser of an INSERT race retries and takes the UPDATE.
 */
public final class DbRateLimiter implements RateLimiter, AutoCloseable {

    private static final int MAX_KEY = 320;

    private final Transactions tx;
    private final Clock clock;
    private final DeferredCounts deferred;

    public DbRateLimiter(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.deferred = new DeferredCounts(tx);
    }

    @Override
    public RateLimitDecision hit(String scope, String identifier, int limit, Duration window) {
        requireScope(scope);
        Objects.requireNonNull(identifier, "identifier");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1 (got " + limit + ")");
        }
        long seconds = window.getSeconds();
        if (seconds < 1) {
            throw new IllegalArgumentException("window must be at least 1 second (got " + window + ")");
        }
        long now = clock.instant().getEpochSecond();
        long start = now - Math.floorMod(now, seconds);
        long expires = start + seconds;
        int count = increment(prefix(scope, identifier) + start, expires);
        if (count <= limit) {
            return new RateLimitDecision(true, limit - count, 0);
        }
        return new RateLimitDecision(false, 0, Math.max(1, expires - now));
    }

    @Override
    public void reset(String scope, String identifier) {
        requireScope(scope);
        String like = escapeLike(prefix(scope, identifier)) + "%";
        tx.run(em -> em.createQuery("delete from RateLimitBucketEntity b where b.bucketKey like :p escape '!'")
                .setParameter("p", like).executeUpdate());
    }

    @Override
    public int sweepExpired() {
        long now = clock.instant().getEpochSecond();
        return tx.inTransaction(em -> em.createQuery("delete from RateLimitBucketEntity b where b.expiresAt < :now")
                .setParameter("now", now).executeUpdate());
    }

    /** Adds one to the row, creating it when absent. @return the count after this increment */
    int increment(String key, long expiresAt) {
        return tx.retryingInsertRace(4, em -> incrementOnce(em, key, expiresAt));
    }

    private static int incrementOnce(EntityManager em, String key, long expiresAt) {
        int updated = em.createQuery("update RateLimitBucketEntity b set b.count = b.count + 1 where b.bucketKey = :k")
                .setParameter("k", key).executeUpdate();
        if (updated == 0) {
            insertFirst(em, key, expiresAt);
            return 1;
        }
        return em.createQuery("select b.count from RateLimitBucketEntity b where b.bucketKey = :k", Integer.class)
                .setParameter("k", key).getSingleResult();
    }

    /** Inserts a bucket holding its first count; a concurrent insert of the same key fails with a unique violation. */
    public static void insertFirst(EntityManager em, String key, long expiresAt) {
        insert(em, key, 1, expiresAt);
    }

    static void insert(EntityManager em, String key, int count, long expiresAt) {
        RateLimitBucketEntity b = new RateLimitBucketEntity();
        b.bucketKey = key;
        b.count = count;
        b.expiresAt = expiresAt;
        em.persist(b);
        em.flush();
    }

    /**
     * Counts one attempt in the window without a database round trip now: it is written with
     * others about a second later (see {@link DeferredCounts}). For attempts refused before any
     * work, so shedding load stays cheap and still leaves a count.
     */
    public void countLater(String scope, String identifier, Duration window) {
        requireScope(scope);
        long seconds = window.getSeconds();
        long now = clock.instant().getEpochSecond();
        long start = now - Math.floorMod(now, seconds);
        deferred.add(prefix(scope, identifier) + start, scope + ":overflow:" + start, start + seconds);
    }

    /** Writes deferred counts and stops their background writer. */
    @Override
    public void close() {
        deferred.close();
    }

    /** {@code scope:identifier:}; an identifier too long for the key column is replaced by its SHA-256. */
    public static String prefix(String scope, String identifier) {
        String p = scope + ":" + identifier + ":";
        if (p.length() + 12 > MAX_KEY || Identifiers.hasControl(identifier)) {
            p = scope + ":sha256=" + SecureTokens.sha256Hex(identifier) + ":";
        }
        return p;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static void requireScope(String scope) {
        if (scope == null || scope.isBlank() || scope.length() > 64) {
            throw new IllegalArgumentException("scope must be 1-64 non-blank characters (got '" + scope + "')");
        }
    }
}
