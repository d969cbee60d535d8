package dev.gatehouse.ratelimit;

/**
 * The outcome of one counted attempt.
 *
 * @param remaining         attempts left in this window (0 when denied)
 * @param retryAfterSeconds 0 when allowed, else seconds until the window ends (at least 1)
 */
public record RateLimitDecision(boolean allowed, int remaining, long retryAfterSeconds) {
    public RateLimitDecision {
        if (remaining < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("remaining and retryAfterSeconds must be >= 0");
        }
    }
}
