package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class RateLimiterSuite extends DatabaseSuite {

    static final Duration HOUR = Duration.ofHours(1);

    RateLimiter limiter() {
        return gh().rateLimiter();
    }

    @Test
    void countsDownThenDeniesWithRetryAfterTheWindowEnd() {
        assertEquals(new RateLimitDecision(true, 2, 0), limiter().hit("test", "a", 3, HOUR));
        assertEquals(new RateLimitDecision(true, 1, 0), limiter().hit("test", "a", 3, HOUR));
        assertEquals(new RateLimitDecision(true, 0, 0), limiter().hit("test", "a", 3, HOUR));
        RateLimitDecision denied = limiter().hit("test", "a", 3, HOUR);
        assertFalse(denied.allowed());
        assertEquals(0, denied.remaining());
        // T0 is 10:00:00 UTC, a window boundary: the window ends an hour later
        assertEquals(3600, denied.retryAfterSeconds());
        CLOCK.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(1, limiter().hit("test", "a", 3, HOUR).retryAfterSeconds());
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(limiter().hit("test", "a", 3, HOUR).allowed()); // new window
    }

    @Test
    void identifiersAndScopesAreIndependent() {
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter().hit("test", "a", 3, HOUR).allowed(), "hit " + (i + 1));
        }
        assertFalse(limiter().hit("test", "a", 3, HOUR).allowed()); // the first identifier is over its limit...
        assertTrue(limiter().hit("test", "b", 3, HOUR).allowed()); // ...another one is not
        assertTrue(limiter().hit("other", "a", 3, HOUR).allowed()); // nor the same one in another scope
        assertFalse(limiter().hit("test", "a", 3, HOUR).allowed());
    }

    @Test
    void resetForgetsEveryWindowOfThatIdentifierOnly() {
        for (int i = 0; i < 4; i++) {
            limiter().hit("test", "a", 3, HOUR);
        }
        limiter().reset("test", "a");
        assertTrue(limiter().hit("test", "a", 3, HOUR).allowed());
    }

    @Test
    void resetEscapesLikeWildcards() {
        for (int i = 0; i < 3; i++) {
            limiter().hit("test", "axb@x.com", 10, HOUR);
        }
        limiter().hit("test", "a_b@x.com", 10, HOUR);
        limiter().hit("test", "a%b@x.com", 10, HOUR);
        limiter().reset("test", "a_b@x.com");
        limiter().reset("test", "a%b@x.com");
        List<List<String>> left = rows("SELECT bucket_key, count FROM ratelimit_buckets");
        assertEquals(1, left.size());
        assertTrue(left.get(0).get(0).startsWith("test:axb@x.com:"));
        assertEquals("3", left.get(0).get(1));
    }

    @Test
    void sweepDeletesEndedWindows() {
        exec("INSERT INTO ratelimit_buckets (bucket_key, count, expires_at) VALUES ('t:old:0', 1, 1)");
        exec("INSERT INTO ratelimit_buckets (bucket_key, count, expires_at) VALUES ('t:fresh:0', 1, 9999999999)");
        assertEquals(1, limiter().sweepExpired());
        assertEquals(List.of(List.of("t:fresh:0")), rows("SELECT bucket_key FROM ratelimit_buckets"));
    }

    @Test
    void hostileIdentifiersAreStoredSafely() {
        String nul = "1.2.3.4\u0000evil";
        String huge = "x".repeat(1000);
        assertTrue(limiter().hit("test", nul, 1, HOUR).allowed());
        assertFalse(limiter().hit("test", nul, 1, HOUR).allowed());
        assertTrue(limiter().hit("test", huge, 1, HOUR).allowed());
        assertFalse(limiter().hit("test", huge, 1, HOUR).allowed());
        limiter().reset("test", huge);
        assertTrue(limiter().hit("test", huge, 1, HOUR).allowed());
    }

    @Test
    void badArgumentsAreProgrammingErrors() {
        assertThrows(IllegalArgumentException.class, () -> limiter().hit("", "a", 1, HOUR));
        assertThrows(IllegalArgumentException.class, () -> limiter().hit("s", "a", 0, HOUR));
        assertThrows(IllegalArgumentException.class, () -> limiter().hit("s", "a", 1, Duration.ofMillis(10)));
        assertThrows(NullPointerException.class, () -> limiter().hit("s", null, 1, HOUR));
    }

    @Test
    void countersSurviveARestart() {
        for (int i = 0; i < 3; i++) {
            limiter().hit("test", "a", 3, HOUR);
        }
        Gatehouse restarted = gh(b -> b);
        assertFalse(restarted.rateLimiter().hit("test", "a", 3, HOUR).allowed());
    }
}
