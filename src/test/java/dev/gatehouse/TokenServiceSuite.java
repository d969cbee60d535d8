package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.token.TokenClaim;
import dev.gatehouse.token.TokenService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

public abstract class TokenServiceSuite extends DatabaseSuite {

    static String sha256(String raw) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void issuedTokensAreDistinct43CharBase64Url() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String raw = gh().tokens().issue("invite", "u" + i, null, true);
            assertTrue(raw.matches("[A-Za-z0-9_-]{43}"), raw);
            seen.add(raw);
        }
        assertEquals(20, seen.size());
    }

    @Test
    void storedRowHoldsOnlyTheSha256OfTheToken() throws Exception {
        String raw = gh().tokens().issue("invite", "u1", null, true);
        List<List<String>> rows = rows("SELECT token_sha256, purpose, user_id FROM auth_tokens");
        assertEquals(1, rows.size());
        assertEquals(sha256(raw), rows.get(0).get(0));
        assertFalse(rows.get(0).contains(raw));
    }

    @Test
    void purposeIsStrippedAtIssueAndConsume() {
        String raw = gh().tokens().issue("  password-reset  ", "u1", null, true);
        TokenClaim claim = gh().tokens().consume("password-reset", raw).orElseThrow();
        assertEquals("password-reset", claim.purpose());
        assertEquals("u1", claim.userId());
    }

    @Test
    void issueRejectsBadArguments() {
        TokenService t = gh().tokens();
        for (String p : new String[] {"", "   ", null}) {
            assertThrows(IllegalArgumentException.class, () -> t.issue(p, "u1", null, true));
        }
        assertThrows(IllegalArgumentException.class, () -> t.issue("x", "", null, true));
        assertThrows(IllegalArgumentException.class, () -> t.issue("x", null, null, true));
        for (long ttl : new long[] {0, -1, -3600}) {
            assertThrows(IllegalArgumentException.class, () -> t.issue("x", "u1", ttl, true));
        }
    }

    @Test
    void consumeSucceedsOnceThenNeverAgain() {
        String raw = gh().tokens().issue("invite", "u7", null, true);
        assertEquals("u7", gh().tokens().consume("invite", raw).orElseThrow().userId());
        assertTrue(gh().tokens().consume("invite", raw).isEmpty());
        assertTrue(gh().tokens().consume("invite", raw).isEmpty());
    }

    @Test
    void claimCarriesIssueAndExpiryInstants() {
        String raw = gh().tokens().issue("invite", "u1", 600L, true);
        TokenClaim c = gh().tokens().consume("invite", raw).orElseThrow();
        assertEquals(CLOCK.instant(), c.issuedAt());
        assertEquals(CLOCK.instant().plusSeconds(600), c.expiresAt());
    }

    @Test
    void wrongPurposeNeitherSucceedsNorBurnsTheToken() {
        String raw = gh().tokens().issue("password_reset", "u1", null, true);
        assertTrue(gh().tokens().consume("email_verify", raw).isEmpty());
        assertTrue(gh().tokens().consume("password_reset", raw).isPresent());
    }

    @Test
    void expiryInstantItselfIsDead() {
        String a = gh().tokens().issue("invite", "u1", 60L, false);
        String b = gh().tokens().issue("invite", "u2", 60L, false);
        CLOCK.advance(Duration.ofSeconds(59));
        assertTrue(gh().tokens().consume("invite", a).isPresent());
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(gh().tokens().consume("invite", b).isEmpty());
    }

    @Test
    void malformedInputIsAMissWithoutException() {
        gh().tokens().issue("invite", "u1", null, true);
        for (String raw : new String[] {"", null, "x".repeat(257), "x".repeat(100_000), "a".repeat(256),
                "a\u0000b", "' OR 1=1 --"}) {
            assertEquals(Optional.empty(), gh().tokens().consume("invite", raw));
        }
    }

    @Test
    void newTokenVoidsEarlierOnesOfSamePurposeOnly() {
        String reset1 = gh().tokens().issue("password_reset", "u1", null, true);
        String verify = gh().tokens().issue("email_verify", "u1", null, true);
        String bob = gh().tokens().issue("password_reset", "bob", null, true);
        String reset2 = gh().tokens().issue("password_reset", "u1", null, true);
        assertTrue(gh().tokens().consume("password_reset", reset1).isEmpty());
        assertTrue(gh().tokens().consume("password_reset", reset2).isPresent());
        assertTrue(gh().tokens().consume("email_verify", verify).isPresent());
        assertTrue(gh().tokens().consume("password_reset", bob).isPresent());
    }

    @Test
    void revokeExistingFalseKeepsEarlierTokens() {
        String a = gh().tokens().issue("invite", "u1", null, false);
        String b = gh().tokens().issue("invite", "u1", null, false);
        assertTrue(gh().tokens().consume("invite", a).isPresent());
        assertTrue(gh().tokens().consume("invite", b).isPresent());
    }

    @Test
    void concurrentConsumesYieldExactlyOneClaim() throws Exception {
        for (int round = 0; round < 5; round++) {
            String raw = gh().tokens().issue("invite", "u" + round, null, true);
            List<Optional<TokenClaim>> results = race(8, () -> gh().tokens().consume("invite", raw));
            assertEquals(1, results.stream().filter(Optional::isPresent).count(), "round " + round);
        }
    }

    @Test
    void sweepRemovesOnlyRowsExpiredOrUsedOverADayAgo() {
        String old = gh().tokens().issue("a", "old-expired", 60L, true);
        String oldUsed = gh().tokens().issue("a", "old-used", 3600L * 24 * 10, true);
        gh().tokens().consume("a", oldUsed);
        CLOCK.advance(Duration.ofDays(3));
        String recentExpired = gh().tokens().issue("a", "recent-expired", 60L, true);
        String recentUsed = gh().tokens().issue("a", "recent-used", 3600L, true);
        gh().tokens().consume("a", recentUsed);
        String fresh = gh().tokens().issue("a", "fresh", 3600L * 24, true);
        CLOCK.advance(Duration.ofHours(2));
        assertEquals(2, gh().tokens().sweepExpired());
        assertEquals(3, count("SELECT COUNT(*) FROM auth_tokens"));
        assertTrue(gh().tokens().consume("a", recentExpired).isEmpty());
        assertTrue(gh().tokens().consume("a", fresh).isPresent());
        assertNotEquals(old, fresh);
        assertEquals(0, gh().tokens().sweepExpired());
    }

    /** Runs the task on n threads released at once; returns every result. */
    static <T> List<T> race(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> out = new java.util.ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
