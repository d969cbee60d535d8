package dev.gatehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestDatabase;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Gatehouse's meters move on a SimpleMeterRegistry as the public API is used (H2). */
class MetersH2Test {

    static final String PW = "tangerine-otter-42";
    static final String EMAIL = "ada@example.com";
    static final String IP = "203.0.113.7";

    private final MutableClock clock = new MutableClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private HikariDataSource pool;
    private Gatehouse gh;

    private Gatehouse start(UnaryOperator<AuthSettings.Builder> adjust) {
        pool = TestDatabase.H2.freshDataSource();
        gh = Gatehouse.start(adjust.apply(AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .resolveCacheSeconds(0)).build(), pool, clock, registry);
        return gh;
    }

    @AfterEach
    void close() {
        if (gh != null) {
            gh.close();
        }
        if (pool != null) {
            pool.close();
        }
    }

    private double count(String name, String... tags) {
        var c = registry.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void signInsAreCountedByResult() {
        start(b -> b);
        String id = gh.auth().signUp(EMAIL, null, PW, IP, "ua").user().id();
        gh.auth().signIn(EMAIL, PW, IP, "ua");
        assertThrows(InvalidCredentialsException.class, () -> gh.auth().signIn(EMAIL, "wrong-password-1", IP, "ua"));
        assertThrows(InvalidCredentialsException.class, () -> gh.auth().signIn("nobody@example.com", PW, IP, "ua"));
        gh.auth().verifyCredentials(EMAIL, PW, IP);
        assertEquals(2, count("gatehouse.signin", "result", "success"));
        assertEquals(2, count("gatehouse.signin", "result", "invalid_credentials"));
        assertNoPersonalTagValues(id);
    }

    @Test
    void aLockedAccountCountsALockoutAndARateLimitedSignIn() {
        start(b -> b.maxConsecutiveFailures(3).lockoutSeconds(900));
        gh.auth().signUp(EMAIL, null, PW, null, null);
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidCredentialsException.class, () -> gh.auth().signIn(EMAIL, "wrong-password-1", null, null));
        }
        assertEquals(0, count("gatehouse.lockouts", "lock", "account"));
        assertThrows(RateLimitedException.class, () -> gh.auth().signIn(EMAIL, PW, null, null));
        assertEquals(1, count("gatehouse.lockouts", "lock", "account"));
        assertEquals(1, count("gatehouse.signin", "result", "rate_limited"));
        assertEquals(3, count("gatehouse.signin", "result", "invalid_credentials"));
    }

    @Test
    void rateLimitRefusalsAreTaggedWithTheBucketNeverTheKey() {
        start(b -> b.rateLimitSignInPerHour(1));
        gh.auth().signUp(EMAIL, null, PW, null, null);
        gh.auth().signIn(EMAIL, PW, IP, null);
        assertThrows(RateLimitedException.class, () -> gh.auth().signIn(EMAIL, PW, IP, null));
        assertEquals(1, count("gatehouse.ratelimit.refusals", "bucket", "auth:sign-in:ip"));
        // An application's own scope is not a Gatehouse bucket: it may hold anything, so it is tagged "application".
        gh.rateLimiter().hit("api:" + EMAIL, IP, 1, Duration.ofMinutes(1));
        assertFalse(gh.rateLimiter().hit("api:" + EMAIL, IP, 1, Duration.ofMinutes(1)).allowed());
        assertEquals(1, count("gatehouse.ratelimit.refusals", "bucket", "application"));
        assertNoPersonalTagValues();
    }

    @Test
    void sessionsAreCountedWhenCreatedAndWhenRevoked() {
        start(b -> b);
        SignInResult up = gh.auth().signUp(EMAIL, null, PW, null, null);
        SignInResult in = gh.auth().signIn(EMAIL, PW, null, null);
        gh.auth().signIn(EMAIL, PW, null, null);
        assertEquals(3, count("gatehouse.sessions.started"));
        gh.sessions().signOut(in.cookie().value());
        gh.sessions().signOut(in.cookie().value()); // already gone: nothing more ended
        assertEquals(1, count("gatehouse.sessions.revoked", "reason", "sign_out"));
        assertEquals(2, gh.sessions().revokeAll(up.user().id()));
        assertEquals(2, count("gatehouse.sessions.revoked", "reason", "revoked"));
    }

    @Test
    void apiTokensAreCountedWhenCreatedAndWhenRevoked() {
        start(b -> b);
        String user = gh.auth().signUp(EMAIL, null, PW, null, null).user().id();
        NewApiToken a = gh.apiTokens().create(user, "ci", List.of("read"), 30);
        gh.apiTokens().create(user, "cli", List.of("read"), 30);
        gh.apiTokens().create(user, "bot", List.of("read"), 30);
        assertEquals(3, count("gatehouse.tokens.issued"));
        assertTrue(gh.apiTokens().revoke(user, a.token().id()));
        assertFalse(gh.apiTokens().revoke(user, a.token().id()));
        assertEquals(1, count("gatehouse.tokens.revoked"));
        assertEquals(2, gh.apiTokens().revokeAll(user));
        assertEquals(3, count("gatehouse.tokens.revoked"));
    }

    @Test
    void hashingAndCallerResolutionAreTimed() {
        start(b -> b);
        SignInResult up = gh.auth().signUp(EMAIL, null, PW, null, null); // one hash
        gh.auth().signIn(EMAIL, PW, null, null); // one verification
        assertEquals(2, registry.get("gatehouse.hashing").timer().count());
        assertTrue(registry.get("gatehouse.hashing").timer().totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) > 0);
        gh.sessions().resolve(up.cookie().value(), false);
        gh.sessions().resolve("not-a-cookie", false);
        assertEquals(2, registry.get("gatehouse.caller.resolution").tag("credential", "session").timer().count());
        NewApiToken t = gh.apiTokens().create(up.user().id(), "ci", List.of("read"), 30);
        assertTrue(gh.apiTokens().resolve(t.raw(), null).isPresent());
        assertEquals(1, registry.get("gatehouse.caller.resolution").tag("credential", "api_token").timer().count());
    }

    @Test
    void hashingGaugesShowAnIdleGateAndLeaveTheRegistryOnClose() {
        start(b -> b);
        assertEquals(0, registry.get("gatehouse.hashing.slots.active").gauge().value());
        assertEquals(0, registry.get("gatehouse.hashing.slots.waiting").gauge().value());
        gh.close();
        gh = null;
        assertNull(registry.find("gatehouse.hashing.slots.active").gauge());
        assertNull(registry.find("gatehouse.hashing.slots.waiting").gauge());
    }

    /** No tag of any meter carries the user's email, id or address (nor the test's other identifiers). */
    private void assertNoPersonalTagValues(String... more) {
        List<String> personal = new java.util.ArrayList<>(List.of(EMAIL, "ada", IP, "203.0.113", "nobody@example.com"));
        personal.addAll(List.of(more));
        for (Meter m : registry.getMeters()) {
            for (Tag t : m.getId().getTags()) {
                for (String p : personal) {
                    assertFalse(t.getValue().contains(p), m.getId() + " carries " + p);
                }
            }
        }
        assertFalse(registry.getMeters().isEmpty());
    }

}
