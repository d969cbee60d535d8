package dev.gatehouse.internal.ratelimit;

import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.persistence.BucketRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Fixed-window counters in {@code ratelimit_buckets}. An increment is a guarded UPDATE, or an
 * INSERT when the window has no row yet; the loser of an INSERT race retries and takes the UPDATE.
 */
public final class DbRateLimiter implements RateLimiter, AutoCloseable {

    private final Transactions tx;
    private final Clock clock;
    private final BucketRepository buckets = new BucketRepository();
    private final DeferredCounts deferred;
    private final Metrics metrics;

    public DbRateLimiter(Transactions tx, Clock clock) {
        this(tx, clock, Metrics.NOOP);
    }

    public DbRateLimiter(Transactions tx, Clock clock, Metrics metrics) {
        this.metrics = metrics;
        this.tx = tx;
        this.clock = clock;
        this.deferred = new DeferredCounts(tx, buckets);
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
        int count = increment(BucketKeys.prefix(scope, identifier) + start, expires);
        if (count <= limit) {
            return new RateLimitDecision(true, limit - count, 0);
        }
        metrics.rateLimited(scope);
        return new RateLimitDecision(false, 0, Math.max(1, expires - now));
    }

    @Override
    public void reset(String scope, String identifier) {
        requireScope(scope);
        String prefix = BucketKeys.prefix(scope, identifier);
        tx.run(em -> buckets.deleteByPrefix(em, prefix));
    }

    @Override
    public int sweepExpired() {
        long now = clock.instant().getEpochSecond();
        return tx.inTransaction(em -> buckets.deleteExpired(em, now));
    }

    /** Adds one to the row, creating it when absent. @return the count after this increment */
    int increment(String key, long expiresAt) {
        return tx.retryingInsertRace(4, em -> {
            if (buckets.add(em, key, 1) == 0) {
                buckets.insert(em, key, 1, expiresAt);
                return 1;
            }
            return buckets.count(em, key);
        });
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
        deferred.add(BucketKeys.prefix(scope, identifier) + start, scope + ":overflow:" + start, start + seconds);
    }

    /** Writes deferred counts and stops their background writer. */
    @Override
    public void close() {
        deferred.close();
    }

    private static void requireScope(String scope) {
        if (scope == null || scope.isBlank() || scope.length() > 64) {
            throw new IllegalArgumentException("scope must be 1-64 non-blank characters (got '" + scope + "')");
        }
    }
}
