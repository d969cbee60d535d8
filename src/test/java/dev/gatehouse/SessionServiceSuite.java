package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.session.SessionService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class SessionServiceSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    SessionService sessions() {
        return gh().sessions();
    }

    SignInResult newUser(String email) {
        return gh().auth().signUp(email, null, PW, "1.1.1.1", "laptop");
    }

    @Test
    void unknownEmptyOrMalformedCookiesResolveToNothing() {
        newUser("a@b.com");
        for (String c : new String[] {null, "", "nope", "x".repeat(43), "x".repeat(5000), "a\u0000b", "'; DROP TABLE users; --"}) {
            assertTrue(sessions().resolve(c, true).isEmpty(), String.valueOf(c));
        }
    }

    @Test
    void cookieHasSecureDefaultsAndTheConfiguredLifetime() {
        SessionCookie c = newUser("a@b.com").cookie();
        assertEquals(43, c.value().length());
        assertEquals(2_592_000, c.maxAgeSeconds());
        assertTrue(c.httpOnly());
        assertEquals("Lax", c.sameSite());
        assertEquals("/", c.path());
        assertEquals("gatehouse_session", c.name()); // tests run insecure: no __Host- prefix
        assertFalse(c.toString().contains(c.value()));
        Gatehouse secure = gh(b -> b.cookieSecure(true));
        SessionCookie s = secure.sessions().start(newUser("b@b.com").user().id(), null, null);
        assertEquals("__Host-gatehouse_session", s.name());
        assertTrue(s.toSetCookieHeader().startsWith("__Host-gatehouse_session=" + s.value() + "; Max-Age=2592000; Path=/; Secure; HttpOnly; SameSite=Lax"));
    }

    @Test
    void signOutDeletesTheSessionAndReturnsADeletionCookie() {
        SessionCookie c = newUser("a@b.com").cookie();
        SessionCookie gone = sessions().signOut(c.value());
        assertEquals("", gone.value());
        assertEquals(0, gone.maxAgeSeconds());
        assertTrue(sessions().resolve(c.value(), true).isEmpty());
        assertEquals(0, sessions().signOut(c.value()).maxAgeSeconds()); // idempotent
    }

    @Test
    void revokeAllEndsEverySessionOfTheUser() {
        SignInResult a = newUser("a@b.com");
        SignInResult a2 = gh().auth().signIn("a@b.com", PW, null, null);
        SignInResult b = newUser("b@b.com");
        assertEquals(2, sessions().revokeAll(a.user().id()));
        assertTrue(sessions().resolve(a.cookie().value(), true).isEmpty());
        assertTrue(sessions().resolve(a2.cookie().value(), true).isEmpty());
        assertTrue(sessions().resolve(b.cookie().value(), true).isPresent());
    }

    @Test
    void listShowsDevicesNewestFirstAndMarksTheCurrentOne() {
        SignInResult first = newUser("a@b.com");
        CLOCK.advance(Duration.ofMinutes(5));
        SignInResult phone = gh().auth().signIn("a@b.com", PW, "2.2.2.2", "phone");
        List<SessionInfo> list = sessions().list(first.user().id(), phone.cookie().value());
        assertEquals(2, list.size());
        assertTrue(list.get(0).createdAt().isAfter(list.get(1).createdAt()));
        assertTrue(list.get(0).current());
        assertFalse(list.get(1).current());
        assertEquals("phone", list.get(0).userAgent());
        assertEquals("2.2.2.2", list.get(0).ip());
        for (SessionInfo s : list) {
            assertFalse(s.id().equals(first.cookie().value()) || s.id().equals(phone.cookie().value()));
            assertTrue(s.id().matches("[0-9a-f]{64}"));
        }
        assertFalse(sessions().list(first.user().id(), null).get(0).current());
    }

    @Test
    void listExcludesExpiredAndOverAgeSessions() {
        Gatehouse g = gh(b -> b.sessionLifetimeSeconds(3600).sessionAbsoluteMaxSeconds(7200));
        SignInResult old = g.auth().signUp("a@b.com", null, PW, null, null);
        String id = old.user().id();
        CLOCK.advance(Duration.ofMinutes(59));
        g.sessions().resolve(old.cookie().value(), true); // slides to T0+1h59m
        CLOCK.advance(Duration.ofMinutes(30));
        SessionCookie live = g.sessions().start(id, null, null);
        // old: created T0, expires T0+1h59m -> alive; move past its expiry
        CLOCK.advance(Duration.ofMinutes(31));
        List<SessionInfo> list = g.sessions().list(id, live.value());
        assertEquals(1, list.size());
        assertTrue(list.get(0).current());
    }

    @Test
    void slidingExpiryMovesAtMostOnceAMinuteAndIsCappedByTheAbsoluteLifetime() {
        Gatehouse g = gh(b -> b.sessionLifetimeSeconds(3600).sessionAbsoluteMaxSeconds(7200));
        SessionCookie c = g.auth().signUp("a@b.com", null, PW, null, null).cookie();
        CLOCK.advance(Duration.ofSeconds(60));
        ResolvedSession r1 = g.sessions().resolve(c.value(), true).orElseThrow();
        assertFalse(r1.renewed()); // moves exactly 60 s: not written
        CLOCK.advance(Duration.ofSeconds(1));
        ResolvedSession r2 = g.sessions().resolve(c.value(), true).orElseThrow();
        assertTrue(r2.renewed());
        assertEquals(CLOCK.instant().plusSeconds(3600), r2.expiresAt());
        SessionCookie renewal = g.sessions().cookie(c.value(), r2.expiresAt());
        assertEquals(3600, renewal.maxAgeSeconds());
        // keep it alive until the absolute cap
        for (int i = 0; i < 2; i++) {
            CLOCK.advance(Duration.ofMinutes(50));
            assertTrue(g.sessions().resolve(c.value(), true).isPresent());
        }
        ResolvedSession capped = g.sessions().resolve(c.value(), false).orElseThrow();
        assertEquals(MutableClockT0().plusSeconds(7200), capped.expiresAt());
        CLOCK.set(MutableClockT0().plusSeconds(7200));
        assertTrue(g.sessions().resolve(c.value(), true).isPresent()); // equal to the cap: alive
        CLOCK.set(MutableClockT0().plusSeconds(7201));
        assertTrue(g.sessions().resolve(c.value(), true).isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM sessions"));
    }

    @Test
    void withoutExtendTheExpiryStaysAndExpiredSessionsAreDeletedLazily() {
        Gatehouse g = gh(b -> b.sessionLifetimeSeconds(600));
        SessionCookie c = g.auth().signUp("a@b.com", null, PW, null, null).cookie();
        CLOCK.advance(Duration.ofSeconds(300));
        assertFalse(g.sessions().resolve(c.value(), false).orElseThrow().renewed());
        CLOCK.advance(Duration.ofSeconds(300));
        assertTrue(g.sessions().resolve(c.value(), false).isPresent()); // expires_at == now: alive
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(g.sessions().resolve(c.value(), true).isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM sessions"));
    }

    @Test
    void revokeIsOwnerScopedAndIdempotent() {
        SignInResult a = newUser("a@b.com");
        SignInResult aPhone = gh().auth().signIn("a@b.com", PW, null, "phone");
        SignInResult b = newUser("b@b.com");
        String bSession = sessions().list(b.user().id(), null).get(0).id();
        assertFalse(sessions().revoke(a.user().id(), bSession));
        assertTrue(sessions().resolve(b.cookie().value(), true).isPresent());
        String phoneId = sessions().list(a.user().id(), aPhone.cookie().value()).stream()
                .filter(SessionInfo::current).findFirst().orElseThrow().id();
        assertTrue(sessions().revoke(a.user().id(), phoneId));
        assertTrue(sessions().resolve(aPhone.cookie().value(), true).isEmpty());
        assertTrue(sessions().resolve(a.cookie().value(), true).isPresent());
        assertFalse(sessions().revoke(a.user().id(), phoneId));
        assertFalse(sessions().revoke(a.user().id(), "not-an-id\u0000"));
    }

    @Test
    void revokeOthersKeepsOnlyTheCurrentSession() {
        SignInResult a = newUser("a@b.com");
        gh().auth().signIn("a@b.com", PW, null, null);
        gh().auth().signIn("a@b.com", PW, null, null);
        String keep = sessions().resolve(a.cookie().value(), false).orElseThrow().sessionId();
        assertEquals(2, sessions().revokeOthers(a.user().id(), keep));
        assertEquals(1, sessions().list(a.user().id(), null).size());
    }

    @Test
    void revokeEveryoneEndsAllSessions() {
        SessionCookie a = newUser("a@b.com").cookie();
        SessionCookie b = newUser("b@b.com").cookie();
        assertEquals(2, sessions().revokeEveryone());
        assertTrue(sessions().resolve(a.value(), true).isEmpty());
        assertTrue(sessions().resolve(b.value(), true).isEmpty());
    }

    @Test
    void startRequiresAnExistingUser() {
        assertThrows(IllegalArgumentException.class, () -> sessions().start("missing", null, null));
    }

    @Test
    void storedSessionHoldsTheHashNeverTheCookieAndClipsClientData() throws Exception {
        SignInResult a = gh().auth().signUp("a@b.com", null, PW, "1.1.1.1", "ua\r\nX-Injected: 1" + "x".repeat(600));
        List<List<String>> r = rows("SELECT token_sha256, user_agent FROM sessions");
        assertEquals(TokenServiceSuite.sha256(a.cookie().value()), r.get(0).get(0));
        assertEquals(512, r.get(0).get(1).length());
        assertFalse(r.get(0).get(1).contains("\n"));
    }

    @Test
    void sweepRemovesExpiredSessions() {
        Gatehouse g = gh(b -> b.sessionLifetimeSeconds(600));
        g.auth().signUp("a@b.com", null, PW, null, null);
        CLOCK.advance(Duration.ofSeconds(601));
        SessionCookie fresh = g.auth().signUp("b@b.com", null, PW, null, null).cookie();
        assertEquals(1, g.sweepExpired().sessions());
        assertTrue(g.sessions().resolve(fresh.value(), true).isPresent());
    }

    private static java.time.Instant MutableClockT0() {
        return dev.gatehouse.testing.MutableClock.T0;
    }
}
