package dev.gatehouse.internal.account;

import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.persistence.BucketRepository;
import dev.gatehouse.internal.persistence.RateLimitBucketEntity;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.ratelimit.BucketKeys;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Consecutive failed sign-ins per identifier, independent of hourly windows (NIST SP 800-63B
 * 5.2.2: at most 100). Every attempt is counted before the password is checked and the count is
 * cleared by a successful sign-in or a password reset, so the count is "attempts since the last
 * success". At the cap the identifier is refused, even with the right password, until
 * {@code lockoutSeconds} after the last counted attempt; refused attempts do not extend the lock.
 * An attempt never counts as a failure because the database or the hasher was unavailable: the
 * count and the account read share a transaction, an attempt that got no verdict is taken back
 * (at the identifier's next attempt on this node, in that attempt's transaction, when the database
 * was still away), and a success whose clearing failed is cleared at the next attempt.
 * Kept in {@code ratelimit_buckets}, so the sweep removes stale counters.
 */
final class FailureLock {

    static final String SCOPE = "auth:sign-in:consecutive";

    private final String scope;
    private final Transactions tx;
    private final BucketRepository buckets = new BucketRepository();
    private final DbRateLimiter limiter;
    private final Clock clock;
    private final int max;
    private final long lockoutSeconds;
    private static final int MAX_UNCLEARED = 10_000;
    private final Set<String> unclearedSuccesses = ConcurrentHashMap.newKeySet();
    /**
     * Attempts counted but never judged, whose take-back failed: taken back at the identifier's next attempt,
     * if it comes within {@code lockoutSeconds} of the first of them (the count they were added to has ended
     * by then), and never more than the lock's cap.
     */
    private final ConcurrentHashMap<String, Owed> owedRefunds = new ConcurrentHashMap<>();

    private record Owed(int attempts, long since) {
        Owed plus(Owed other) {
            return new Owed(attempts + other.attempts, Math.min(since, other.since));
        }
    }
    private final Metrics metrics;

    FailureLock(String scope, Transactions tx, DbRateLimiter limiter, Clock clock, int max, long lockoutSeconds,
                Metrics metrics) {
        this.metrics = metrics;
        this.scope = scope;
        this.tx = tx;
        this.limiter = limiter;
        this.clock = clock;
        this.max = max;
        this.lockoutSeconds = lockoutSeconds;
    }

    /**
     * A counted attempt and what was read with it, or the seconds left when the identifier is locked.
     *
     * @param lockedFor present when the identifier is locked (then {@code found} is null)
     */
    record Attempt<T>(OptionalLong lockedFor, T found) {
    }

    /**
     * Counts an attempt and, in the same transaction, reads what the verdict needs (the account):
     * if that read fails, the count is rolled back with it, so a database failure is never
     * counted as a wrong password.
     */
    <T> Attempt<T> countAttempt(String identifier, Function<EntityManager, T> read) {
        String key = BucketKeys.prefix(scope, identifier) + "0";
        boolean owed = unclearedSuccesses.remove(identifier);
        Owed owedRefund = owedRefunds.remove(identifier);
        long now = clock.instant().getEpochSecond();
        int refunds = owedRefund == null || now - owedRefund.since() > lockoutSeconds ? 0
                : Math.min(owedRefund.attempts(), max);
        try {
            return counted(tx.retryingInsertRace(4, em -> {
                if (owed) {
                    buckets.delete(em, key);
                }
                for (int i = 0; i < refunds; i++) {
                    buckets.takeBack(em, key);
                }
                return count(em, key, read);
            }));
        } catch (RuntimeException e) {
            if (owed) {
                clearLater(identifier);
            }
            if (refunds > 0) {
                owedRefunds.merge(identifier, owedRefund, Owed::plus);
            }
            throw e;
        }
    }

    /**
     * Like {@link #countAttempt} without counting: for an attempt a rate limit already refused
     * unless its password is right, which must not move the identifier towards the lock.
     */
    <T> Attempt<T> uncounted(String identifier, Function<EntityManager, T> read) {
        String key = BucketKeys.prefix(scope, identifier) + "0";
        long now = clock.instant().getEpochSecond();
        return counted(tx.inTransaction(em -> {
            RateLimitBucketEntity row = buckets.find(em, key);
            if (row != null && row.count >= max && row.expiresAt > now) {
                return new Attempt<T>(OptionalLong.of(Math.max(1, row.expiresAt - now)), null);
            }
            return new Attempt<>(OptionalLong.empty(), read.apply(em));
        }));
    }

    /** Counts a refusal by this lock (after the transaction: a retried one counts once). */
    private <T> Attempt<T> counted(Attempt<T> attempt) {
        if (attempt.lockedFor().isPresent()) {
            metrics.lockout(scope.equals(SCOPE) ? "account" : "device");
        }
        return attempt;
    }

    private <T> Attempt<T> count(EntityManager em, String key, Function<EntityManager, T> read) {
        long now = clock.instant().getEpochSecond();
        long expires = now + lockoutSeconds;
        for (int pass = 0; pass < 2; pass++) {
            if (buckets.countFailure(em, key, now, expires, max) == 1) {
                return new Attempt<>(OptionalLong.empty(), read.apply(em));
            }
            RateLimitBucketEntity row = buckets.find(em, key);
            if (row == null) {
                buckets.insert(em, key, 1, expires);
                return new Attempt<>(OptionalLong.empty(), read.apply(em));
            }
            if (row.count >= max && row.expiresAt > now) {
                return new Attempt<>(OptionalLong.of(Math.max(1, row.expiresAt - now)), null);
            }
            // A concurrent first attempt inserted the row after our update looked: count again.
            buckets.forget(em, row);
        }
        throw new IllegalStateException("failure counter " + key + " changed twice under one attempt");
    }

    /**
     * The right password was shown but clearing the count failed (the database went away): the
     * count is cleared, on this node, at the identifier's next attempt, in the same transaction.
     * At most {@value #MAX_UNCLEARED} identifiers are remembered; beyond that they stay counted.
     */
    void clearLater(String identifier) {
        if (unclearedSuccesses.size() < MAX_UNCLEARED) {
            unclearedSuccesses.add(identifier);
        }
    }

    /**
     * Takes back a counted attempt that got no verdict (the hasher was overloaded, or the database
     * failed after the count), so an outage does not lock people out. When the database is still
     * away, the attempt is taken back at the identifier's next attempt on this node (at most
     * {@value #MAX_UNCLEARED} identifiers are remembered; beyond that they stay counted).
     */
    void refund(String identifier, RuntimeException cause) {
        String key = BucketKeys.prefix(scope, identifier) + "0";
        try {
            tx.run(em -> buckets.takeBack(em, key));
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            if (owedRefunds.size() < MAX_UNCLEARED || owedRefunds.containsKey(identifier)) {
                owedRefunds.merge(identifier, new Owed(1, clock.instant().getEpochSecond()), Owed::plus);
            }
        }
    }

    /**
     * Takes back one counted attempt that was not a failure but not yet a success either (a right
     * password whose second factor is still due). Best effort, like {@link #refund}.
     */
    void takeBack(String identifier) {
        String key = BucketKeys.prefix(scope, identifier) + "0";
        try {
            tx.run(em -> buckets.takeBack(em, key));
        } catch (RuntimeException e) {
            // stays counted: errs on the safe side
        }
    }

    void clear(String identifier) {
        limiter.reset(scope, identifier);
    }
}
