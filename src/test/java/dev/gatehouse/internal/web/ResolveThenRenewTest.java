package dev.gatehouse.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.FakeRequest;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestDatabase;
import dev.gatehouse.web.GatehouseCredential;
import dev.gatehouse.web.GatehouseIdentityStore;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Resolving a request writes nothing; renewing is its own step that re-sends a moved cookie once.
 * The identity store validates value credentials and only reads.
 */
class ResolveThenRenewTest {

    private final MutableClock clock = new MutableClock();
    private AuthSettings settings;
    private Gatehouse gh;
    private String cookie;
    private String userId;

    @BeforeEach
    void start() {
        clock.set(MutableClock.T0);
        settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0).resolveCacheSeconds(0).build();
        gh = Gatehouse.start(settings, TestDatabase.H2.freshDataSource(), clock);
        var up = gh.auth().signUp("renew@example.test", null, "tangerine-otter-42", null, null);
        cookie = up.cookie().value();
        userId = up.user().id();
    }

    @AfterEach
    void stop() {
        gh.close();
    }

    private CallerResolver resolver() {
        return new CallerResolver(settings, gh.sessions(), gh.apiTokens(), gh.auth(), gh.roles());
    }

    private HttpServletRequest request() {
        return FakeRequest.of("GET", Map.of(), new Cookie[] {new Cookie(settings.sessions().effectiveCookieName(), cookie)}, null);
    }

    /** A response that records its headers. */
    private static HttpServletResponse response(List<String> headers) {
        return (HttpServletResponse) Proxy.newProxyInstance(ResolveThenRenewTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> switch (m.getName()) {
                    case "addHeader", "setHeader" -> {
                        headers.add(a[0] + ": " + a[1]);
                        yield null;
                    }
                    case "isCommitted" -> false;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void aMovedSessionIsResolvedWithItsRenewalAndRenewSendsTheCookieOnce() {
        clock.advance(Duration.ofMinutes(5));
        HttpServletRequest req = request();
        Resolution who = resolver().resolve(req);
        assertEquals(userId, who.caller().userId());
        assertNotNull(who.renewal(), "the sliding expiry moved");
        assertSame(who, resolver().resolve(req), "resolved once per request");

        List<String> headers = new ArrayList<>();
        resolver().renew(req, response(headers));
        resolver().renew(req, response(headers)); // the mechanism and the filter may both ask
        assertEquals(2, headers.size(), headers.toString());
        assertTrue(headers.get(0).startsWith("Set-Cookie: " + settings.sessions().effectiveCookieName() + "=" + cookie + ";"), headers.get(0));
        assertTrue(headers.get(0).contains("Max-Age=" + settings.sessions().sessionLifetimeSeconds()), headers.get(0));
        assertEquals("Cache-Control: no-store", headers.get(1));
    }

    @Test
    void anUnmovedSessionIsNotSentAgain() {
        HttpServletRequest req = request();
        assertNull(resolver().resolve(req).renewal());
        List<String> headers = new ArrayList<>();
        resolver().renew(req, response(headers));
        assertEquals(List.of(), headers);
    }

    @Test
    void theStoreValidatesValuesAndOnlyReads() {
        GatehouseIdentityStore store = new GatehouseIdentityStore(settings, gh.sessions(), gh.apiTokens(), gh.auth(), gh.roles());
        Instant before = gh.sessions().resolve(cookie, false).orElseThrow().expiresAt();
        clock.advance(Duration.ofMinutes(5));
        CredentialValidationResult valid = store.validate(new GatehouseCredential(cookie, null));
        assertEquals(CredentialValidationResult.Status.VALID, valid.getStatus());
        assertEquals(userId, valid.getCallerPrincipal().getName());
        assertEquals(before, gh.sessions().resolve(cookie, false).orElseThrow().expiresAt(), "validating extended the session");

        assertEquals(CredentialValidationResult.Status.INVALID,
                store.validate(new GatehouseCredential(null, "gate_pat_not-a-real-token")).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID,
                store.validate(new GatehouseCredential("dead-cookie", "gate_pat_not-a-real-token")).getStatus());
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED,
                store.validate(new GatehouseCredential("dead-cookie", null)).getStatus());
        assertEquals(CredentialValidationResult.Status.NOT_VALIDATED, store.validate(GatehouseCredential.NONE).getStatus());
        String raw = gh.apiTokens().create(userId, "t", List.of("projects.read"), 30).raw();
        CredentialValidationResult token = store.validate(new GatehouseCredential("", raw));
        assertEquals(CredentialValidationResult.Status.VALID, token.getStatus());
        assertEquals(userId, token.getCallerPrincipal().getName());
    }

    @Test
    void aCredentialNeverShowsItsValues() {
        String shown = new GatehouseCredential(cookie, "gate_pat_secret").toString();
        assertTrue(!shown.contains(cookie) && !shown.contains("gate_pat_secret"), shown);
    }
}
