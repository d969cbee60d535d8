package dev.gatehouse.ratelimit;

import java.time.Duration;

/**
 * Fixed-window counters kept in the database, so they hold across restarts and nodes. Windows are
 * aligned to multiples of their length since the epoch. Every call counts, allowed or not.
 */
public interface RateLimiter {

    /**
     * Counts one attempt. Of N concurrent calls on one key, the counter ends exactly N higher.
     *
     * @throws IllegalArgumentException blank scope, null identifier, limit &lt; 1 or window &lt; 1 s
     */
    RateLimitDecision hit(String scope, String identifier, int limit, Duration window);

    /** Forgets every window of this scope and identifier. */
    void reset(String scope, String identifier);

    /** Deletes ended windows. @return rows deleted */
    int sweepExpired();
}
