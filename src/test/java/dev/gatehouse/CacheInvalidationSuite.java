package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.CacheInvalidation;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two nodes (two Gatehouse instances with their own resolve caches) on one database, with
 * {@code resolveCacheSeconds=300} and a clock that never moves: a cached entry could be served for
 * ever, so a refusal on the other node can only come from the change announced by the node that made
 * it ({@code cacheInvalidation}: {@code notify} on PostgreSQL, {@code poll} elsewhere).
 */
abstract class CacheInvalidationSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final Duration DEADLINE = Duration.ofSeconds(10);

    Gatehouse node() {
        return gh(b -> b.resolveCacheSeconds(300).cacheInvalidationPollMillis(50));
    }

    /** Waits (at most {@link #DEADLINE}) for the other node's bus thread to apply a change. */
    public static void await(String what, BooleanSupplier done) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError(what + " not seen within " + DEADLINE.toSeconds() + " s");
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5); // another thread's work, not time passing
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    public static boolean alive(Gatehouse node, SignInResult s) {
        return node.sessions().resolve(s.cookie().value(), true).isPresent();
    }

    @Test
    void aSignOutIsRefusedOnTheOtherNodeAlthoughItCachedTheSession() {
        Gatehouse a = node();
        Gatehouse b = node();
        SignInResult s = a.auth().signUp("out@example.com", null, PW, null, null);
        assertTrue(alive(b, s));
        exec("UPDATE sessions SET ip = 'changed behind the caches'"); // not announced: b keeps serving its copy
        assertTrue(alive(b, s));
        a.sessions().signOut(s.cookie().value());
        await("sign-out on node A refused on node B", () -> !alive(b, s));
    }

    @Test
    void aRevokedDeviceAndOtherDevicesSignedOutAreRefusedOnTheOtherNode() {
        Gatehouse a = node();
        Gatehouse b = node();
        SignInResult phone = a.auth().signUp("devices@example.com", null, PW, null, null);
        SignInResult laptop = a.auth().signIn("devices@example.com", PW, null, null);
        SignInResult tablet = a.auth().signIn("devices@example.com", PW, null, null);
        String userId = phone.user().id();
        List.of(phone, laptop, tablet).forEach(s -> assertTrue(alive(b, s)));
        String laptopId = a.sessions().list(userId, laptop.cookie().value()).stream()
                .filter(SessionInfo::current).findFirst().orElseThrow().id();
        assertTrue(a.sessions().revoke(userId, laptopId));
        await("revoked device refused on node B", () -> !alive(b, laptop));
        assertTrue(alive(b, phone), "only the revoked device");
        a.sessions().revokeOthers(userId, a.sessions().list(userId, phone.cookie().value()).stream()
                .filter(SessionInfo::current).findFirst().orElseThrow().id());
        await("signed-out other devices refused on node B", () -> !alive(b, tablet));
        assertTrue(alive(b, phone));
    }

    @Test
    void aRevokedApiTokenAndADisabledAccountAreRefusedOnTheOtherNode() {
        Gatehouse a = node();
        Gatehouse b = node();
        SignInResult s = a.auth().signUp("tokens@example.com", null, PW, null, null);
        String userId = s.user().id();
        var first = a.apiTokens().create(userId, "ci", List.of("*"), 1);
        String second = a.apiTokens().create(userId, "deploy", List.of("*"), 1).raw();
        assertTrue(b.apiTokens().resolve(first.raw(), null).isPresent());
        assertTrue(b.apiTokens().resolve(second, null).isPresent());
        assertTrue(a.apiTokens().revoke(userId, first.token().id()));
        await("revoked API token refused on node B", () -> b.apiTokens().resolve(first.raw(), null).isEmpty());
        assertTrue(alive(b, s));
        a.admin().disableUser(userId);
        await("disabled account's session refused on node B", () -> !alive(b, s));
        assertTrue(b.apiTokens().resolve(second, null).isEmpty());
        assertTrue(b.auth().findUser(userId).orElseThrow().disabled());
    }

    @Test
    void roleChangesReachTheOtherNode() {
        Gatehouse a = node();
        Gatehouse b = node();
        String id = a.auth().signUp("roles@example.com", null, PW, null, null).user().id();
        a.roles().defineRole("editor", List.of("posts.*"));
        a.roles().grantRole(id, "editor");
        await("granted role seen on node B", () -> b.roles().hasPermission(id, "posts.write"));
        a.roles().defineRole("editor", List.of("media.*"));
        await("redefined role seen on node B", () -> !b.roles().hasPermission(id, "posts.write"));
        assertTrue(b.roles().hasPermission(id, "media.upload"));
        a.roles().revokeRole(id, "editor");
        await("revoked role seen on node B", () -> !b.roles().hasPermission(id, "media.upload"));
    }

    @Test
    void aPasswordChangeSignsTheUserOutOnTheOtherNode() {
        Gatehouse a = node();
        Gatehouse b = node();
        SignInResult s = a.auth().signUp("pw@example.com", null, PW, null, null);
        SignInResult other = a.auth().signIn("pw@example.com", PW, null, null);
        assertTrue(alive(b, other));
        a.auth().changePassword(s.user().id(), PW, "another-long-passphrase-7");
        await("session ended by a password change refused on node B", () -> !alive(b, other));
    }

    @Test
    void withInvalidationOffTheOtherNodeKeepsItsCopyUntilTheTtl() {
        Gatehouse a = gh(b -> b.resolveCacheSeconds(2).cacheInvalidation(CacheInvalidation.OFF));
        Gatehouse b = gh(x -> x.resolveCacheSeconds(2).cacheInvalidation(CacheInvalidation.OFF));
        SignInResult s = a.auth().signUp("off@example.com", null, PW, null, null);
        assertTrue(alive(b, s));
        a.sessions().signOut(s.cookie().value());
        // The sign-out announced nothing: B serves its copy until the clock passes the TTL.
        assertTrue(alive(b, s));
        CLOCK.advance(Duration.ofSeconds(2));
        assertFalse(alive(b, s));
    }

    @Test
    void notifyIsRefusedAtStartOnAnotherDatabase() {
        if (database() == TestDatabase.POSTGRES) {
            Gatehouse n = gh(b -> b.cacheInvalidation(CacheInvalidation.NOTIFY).resolveCacheSeconds(5));
            assertTrue(n.sessions().resolve("x".repeat(43), true).isEmpty());
            return;
        }
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> gh(b -> b.cacheInvalidation(CacheInvalidation.NOTIFY)));
        assertTrue(e.getMessage().contains("cacheInvalidation=notify needs PostgreSQL"), e.getMessage());
    }

    @Test
    void aListeningNodeAndAPollingNodeHearEachOther() {
        Gatehouse a = node(); // notify on PostgreSQL, poll elsewhere
        Gatehouse b = gh(x -> x.resolveCacheSeconds(300).cacheInvalidationPollMillis(50)
                .cacheInvalidation(CacheInvalidation.POLL));
        SignInResult one = a.auth().signUp("mixed@example.com", null, PW, null, null);
        SignInResult two = a.auth().signIn("mixed@example.com", PW, null, null);
        assertTrue(alive(a, two));
        assertTrue(alive(b, one));
        a.sessions().signOut(one.cookie().value());
        await("a sign-out on the listening node refused on the polling node", () -> !alive(b, one));
        b.sessions().signOut(two.cookie().value());
        await("a sign-out on the polling node refused on the listening node", () -> !alive(a, two));
    }

    @Test
    void theSweepDeletesChangesOlderThanAnHour() {
        Gatehouse a = node();
        SignInResult s = a.auth().signUp("sweep@example.com", null, PW, null, null);
        a.sessions().signOut(s.cookie().value());
        assertEquals(1, count("SELECT COUNT(*) FROM gatehouse_cache_changes"));
        a.sweepExpired();
        assertEquals(1, count("SELECT COUNT(*) FROM gatehouse_cache_changes"), "kept within the hour");
        CLOCK.advance(Duration.ofMinutes(61));
        a.sweepExpired();
        assertEquals(0, count("SELECT COUNT(*) FROM gatehouse_cache_changes"));
    }

    @Test
    void theChangeTableIsWrittenUnlessInvalidationIsOff() {
        long before = count("SELECT COUNT(*) FROM gatehouse_cache_changes");
        Gatehouse a = gh(b -> b.resolveCacheSeconds(300).cacheInvalidation(CacheInvalidation.POLL));
        SignInResult s = a.auth().signUp("poll@example.com", null, PW, null, null);
        a.sessions().signOut(s.cookie().value());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM gatehouse_cache_changes"));
        Gatehouse off = gh(b -> b.resolveCacheSeconds(300).cacheInvalidation(CacheInvalidation.OFF));
        SignInResult t = off.auth().signIn("poll@example.com", PW, null, null);
        off.sessions().signOut(t.cookie().value());
        assertEquals(before + 1, count("SELECT COUNT(*) FROM gatehouse_cache_changes"));
    }
}
