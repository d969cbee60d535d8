package dev.gatehouse.internal.account;

import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.ratelimit.AddressKey;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.time.Duration;

/** The hourly limits of the account flows: a refusal is audited (identifier fingerprinted) and thrown. */
final class HourlyLimits {

    static final Duration HOUR = Duration.ofHours(1);

    private final DbRateLimiter limiter;
    private final Fingerprints fingerprints;

    HourlyLimits(DbRateLimiter limiter, Fingerprints fingerprints) {
        this.limiter = limiter;
        this.fingerprints = fingerprints;
    }

    /** A per-address limit: IPv6 callers count per /64 ({@link AddressKey}). */
    void limitAddress(String scope, String ip, int perHour) {
        limit(scope, AddressKey.of(ip), perHour);
    }

    void limit(String scope, String identifier, int perHour) {
        RateLimitDecision d = limiter.hit(scope, identifier, perHour, HOUR);
        if (!d.allowed()) {
            Audit.warn("rate_limited:" + scope, fingerprints.of(identifier), null);
            throw new RateLimitedException(d.retryAfterSeconds());
        }
    }
}
