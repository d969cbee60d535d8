package dev.gatehouse.internal.service;

import dev.gatehouse.internal.persistence.RateLimitBucketEntity;
import dev.gatehouse.internal.persistence.Transactions;
import java.time.Clock;
import java.util.OptionalLong;

/**
 * Consecutive failed sign-ins per identifier, independent of hourly windows (NIST SP 800-63B
 * 5.2.2: at most 100). Every attempt is counted before the password is checked and the count is
 * cleared by a successful sign-in or a password reset, so the count is "attempts since the last
 * success". At the cap the identifier is refused, even with the right password, until
 * {@code lockoutSeconds} after the last counted attempt; refused attempts do not extend the lock.
 * Kept in {@code ratelimit_buckets}, so the sweep removes stale counters.
 */
final class FailureLock {

    static final String SCOPE = "auth:sign-in:consecutive";

    private final Transactions tx;
    private final DbRateLimiter limiter;
    private final Clock clock;
    private final int max;
    private final long lockoutSeconds;

    FailureLock(Transactions tx, DbRateLimiter limiter, Clock clock, int max, long lockoutSeconds) {
        this.tx = tx;
        this.limiter = limiter;
        this.clock = clock;
        this.max = max;
        this.lockoutSeconds = lockoutSeconds;
    }

    /** Counts an attempt. @return empty when counted, or the seconds left when the identifier is locked */
    OptionalLong countAttempt(String identifier) {
        String key = DbRateLimiter.prefix(SCOPE, identifier) + "0";
        return tx.retryingInsertRace(4, em -> {
            long now = clock.instant().getEpochSecond();
            long expires = now + lockoutSeconds;
            int updated = em.createQuery("update RateLimitBucketEntity b set "
                            + "b.count = case when b.expiresAt <= :now then 1 else b.count + 1 end, "
                            + "b.expiresAt = :exp where b.bucketKey = :k and (b.expiresAt <= :now or b.count < :max)")
                    .setParameter("now", now).setParameter("exp", expires).setParameter("k", key)
                    .setParameter("max", max).executeUpdate();
            if (updated == 1) {
                return OptionalLong.empty();
            }
            RateLimitBucketEntity row = em.find(RateLimitBucketEntity.class, key);
            if (row != null) {
                return OptionalLong.of(Math.max(1, row.expiresAt - now));
            }
            DbRateLimiter.insertFirst(em, key, expires);
            return OptionalLong.empty();
        });
    }

    void clear(String identifier) {
        limiter.reset(SCOPE, identifier);
    }
}
