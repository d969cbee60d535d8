package dev.gatehouse.ratelimit;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** Too many attempts; retry after {@link #retryAfterSeconds()} (always at least 1). */
public final class RateLimitedException extends AuthException {

    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, "Too many attempts. Try again in " + Math.max(1, retryAfterSeconds) + " seconds.");
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
