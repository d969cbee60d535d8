package dev.gatehouse;

import static dev.gatehouse.TokenServiceSuite.race;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.apitoken.TokenLimitReachedException;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The spec's concurrency guarantees, with real parallel threads on each database. */
public abstract class ConcurrencySuite extends DatabaseSuite {

    @Test
    void concurrentRateLimitIncrementsCountExactlyN() throws Exception {
        int n = 16;
        List<RateLimitDecision> results = race(n, () -> gh().rateLimiter().hit("race", "k", 1000, Duration.ofHours(1)));
        assertEquals(n, results.size());
        assertEquals(List.of(List.of(String.valueOf(n))), rows("SELECT count FROM ratelimit_buckets"));
        assertEquals(1000 - n, results.stream().mapToInt(RateLimitDecision::remaining).min().orElseThrow());
    }

    @Test
    void concurrentPatCreatesUnderACapOfKCreateExactlyK() throws Exception {
        Gatehouse g = gh(b -> b.apiTokenMaxPerUser(3));
        String u = g.auth().signUp("a@b.com", null, "tangerine-otter-42", null, null).user().id();
        AtomicInteger limited = new AtomicInteger();
        race(10, () -> {
            try {
                return g.apiTokens().create(u, "t", List.of("a"), 1);
            } catch (TokenLimitReachedException e) {
                limited.incrementAndGet();
                return null;
            }
        });
        assertEquals(3, count("SELECT COUNT(*) FROM api_tokens"));
        assertEquals(7, limited.get());
    }

    @Test
    void concurrentSignUpsWithOneEmailCreateOneAccount() throws Exception {
        AtomicInteger exists = new AtomicInteger();
        List<SignInResult> results = race(8, () -> {
            try {
                return gh().auth().signUp("race@b.com", null, "tangerine-otter-42", null, null);
            } catch (AccountExistsException e) {
                exists.incrementAndGet();
                return null;
            }
        });
        assertEquals(1, results.stream().filter(r -> r != null).count());
        assertEquals(7, exists.get());
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void concurrentConsumesOfOneTokenYieldOneClaim() throws Exception {
        String raw = gh().tokens().issue("invite", "u1", null, true);
        assertEquals(1, race(10, () -> gh().tokens().consume("invite", raw)).stream().filter(o -> o.isPresent()).count());
    }

    @Test
    void concurrentGrantsOfOneRoleAreIdempotent() throws Exception {
        gh().roles().defineRole("editor", List.of("x"));
        race(8, () -> {
            gh().roles().grantRole("u1", "editor");
            return true;
        });
        assertEquals(1, count("SELECT COUNT(*) FROM user_roles"));
    }

    @Test
    void concurrentFailedSignInsAreAllCountedByTheConsecutiveLock() throws Exception {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(5).rateLimitSignInPerHour(1000));
        g.auth().signUp("a@b.com", null, "tangerine-otter-42", null, null);
        AtomicInteger invalid = new AtomicInteger();
        AtomicInteger locked = new AtomicInteger();
        race(12, () -> {
            try {
                g.auth().signIn("a@b.com", "wrong-guess", null, null);
            } catch (InvalidCredentialsException e) {
                invalid.incrementAndGet();
            } catch (RateLimitedException e) {
                locked.incrementAndGet();
            }
            return null;
        });
        assertEquals(5, invalid.get());
        assertEquals(7, locked.get());
    }

    @Test
    void concurrentFirstFailedSignInsBelowTheCapAreNeverRefusedAsLocked() throws Exception {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(100).rateLimitSignInPerHour(1000));
        for (int round = 0; round < 3; round++) {
            String email = "first" + round + "@b.com";
            g.auth().signUp(email, null, "tangerine-otter-42", null, null);
            AtomicInteger invalid = new AtomicInteger();
            AtomicInteger locked = new AtomicInteger();
            race(16, () -> {
                try {
                    g.auth().signIn(email, "wrong-guess", null, null);
                } catch (InvalidCredentialsException e) {
                    invalid.incrementAndGet();
                } catch (RateLimitedException e) {
                    locked.incrementAndGet();
                }
                return null;
            });
            assertEquals(0, locked.get(), "round " + round + ": a race on the first counter row looked like a lock");
            assertEquals(16, invalid.get());
        }
    }

    @Test
    void signInsBeyondTheAdmissionLimitAreShedAsOverloadedAndStillCounted() throws Exception {
        gh();
        int n = 24;
        AtomicInteger invalid = new AtomicInteger();
        AtomicInteger shed = new AtomicInteger();
        // One hashing slot admits 5 sign-ins at once; each hash takes tens of milliseconds.
        try (Gatehouse g = Gatehouse.start(testSettings().runMigrations(false).hashingConcurrency(1).argonMemoryKib(16384)
                .argonTimeCost(2).rateLimitSignInPerHour(1000).build(), dataSource(), CLOCK)) {
            race(n, () -> {
                try {
                    g.auth().signIn("nobody@b.com", "wrong-guess", "203.0.113.9", null);
                } catch (InvalidCredentialsException e) {
                    invalid.incrementAndGet();
                } catch (GatehouseUnavailableException e) {
                    assertEquals("overloaded", e.code().wire());
                    shed.incrementAndGet();
                }
                return null;
            });
        } // closing writes the shed counts still in memory
        assertEquals(n, invalid.get() + shed.get());
        assertTrue(shed.get() > 0, "nothing was shed: " + invalid.get() + " checked");
        assertEquals(invalid.get(), count("SELECT COALESCE(SUM(count), 0) FROM ratelimit_buckets "
                + "WHERE bucket_key LIKE 'auth:sign-in:ip:%'"), "checked attempts count against the address");
        assertEquals(shed.get(), count("SELECT COALESCE(SUM(count), 0) FROM ratelimit_buckets "
                + "WHERE bucket_key LIKE 'auth:sign-in:shed:%'"), "shed attempts are counted on their own");
    }
}
