package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.oidc.OidcFailedException;
import dev.gatehouse.oidc.OidcIdentity;
import dev.gatehouse.oidc.OidcLinkRequiredException;
import dev.gatehouse.oidc.OidcOutcome;
import dev.gatehouse.oidc.OidcStart;
import dev.gatehouse.passkey.LastSignInMethodException;
import dev.gatehouse.testing.TotpCodes;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.function.Executable;

/**
 * OpenID Connect sign-in through the public API against a real provider in the test JVM
 * ({@code mock-oauth2-server}: discovery, PKCE, RS256 ID tokens with the claims each test asks for). The browser's
 * round trip is one GET of the authorization URL, whose redirect carries the code and state back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OidcSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String BASE = "https://app.example.test";
    static final String CLIENT = "gatehouse-app";
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    MockOAuth2Server provider;
    Gatehouse g;

    /** A provider of its own for each test: answers queued by one test never reach another's token request. */
    @BeforeEach
    void twoProviders() {
        provider = new MockOAuth2Server();
        provider.start();
        CLOCK.set(Instant.now().truncatedTo(ChronoUnit.SECONDS)); // the provider stamps its tokens with the real time
        g = gh(b -> b.publicBaseUrl(BASE).oidcProviders(List.of(settings("alpha", true), settings("beta", false))));
    }

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    OidcProviderSettings settings(String id, boolean signUp) {
        return new OidcProviderSettings(id, provider.issuerUrl(id).toString(), CLIENT, "secret-" + id, null, signUp,
                "Alpha " + id);
    }

    /** The provider will answer the next token request with these claims. */
    void nextToken(String issuerId, String subject, Map<String, Object> claims, long ttlSeconds) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(CLIENT), claims, ttlSeconds));
    }

    void nextToken(String issuerId, String subject, String email, boolean verified) {
        Map<String, Object> claims = new HashMap<>();
        if (email != null) {
            claims.put("email", email);
            claims.put("email_verified", verified);
        }
        nextToken(issuerId, subject, claims, 300);
    }

    /** What the browser brings back from the provider: the redirect's query parameters. */
    public static Map<String, String> authorize(OidcStart start) throws Exception {
        HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(start.authorizationUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
        Map<String, String> q = new HashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /**
     * A request that asks the user to sign in again ({@code prompt=login}) gets the provider's login form: the
     * browser posts it as {@code subject} with these claims; the redirect back's query parameters.
     */
    public static Map<String, String> authorizeAtTheLoginForm(URI authorization, String subject, String claimsJson)
            throws Exception {
        HttpResponse<String> form = BROWSER.send(HttpRequest.newBuilder(authorization).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, form.statusCode(), "the login form");
        String body = "username=" + java.net.URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&claims="
                + java.net.URLEncoder.encode(claimsJson, StandardCharsets.UTF_8);
        HttpResponse<String> r = BROWSER.send(HttpRequest.newBuilder(authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode(), r.body());
        return query(URI.create(r.headers().firstValue("Location").orElseThrow()));
    }

    static Map<String, String> query(URI back) {
        Map<String, String> q = new HashMap<>();
        for (String pair : back.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    OidcOutcome signIn(String providerId, String subject, String email, boolean verified) throws Exception {
        OidcStart start = g.oidc().start(providerId, "/account", "10.0.0.1");
        nextToken(providerId, subject, email, verified);
        return g.oidc().finish(providerId, start.flow(), authorize(start), "10.0.0.1", "ua", null);
    }

    String user(String email, boolean verified) {
        String id = g.auth().signUp(email, null, PW, null, null).user().id();
        g.sessions().revokeAll(id);
        if (verified) {
            exec("UPDATE users SET email_verified_at = CURRENT_TIMESTAMP WHERE id = '" + id + "'");
        }
        return id;
    }

    List<SecurityEvent> events(String userId, EventType type) {
        return g.audit().forUser(userId, 100, null).events().stream().filter(e -> e.type() == type).toList();
    }

    long count(String table, String where) {
        return count("SELECT COUNT(*) FROM " + table + (where == null ? "" : " WHERE " + where));
    }

    static OidcFailedException failed(String reason, Executable call) {
        OidcFailedException e = assertThrows(OidcFailedException.class, call);
        assertEquals("oidc_failed", e.code().wire());
        assertEquals(reason, e.reason());
        return e;
    }

    // ---- the request -----------------------------------------------------------------------------------------

    @Test
    void theAuthorizationRequestCarriesPkceS256StateAndNonceButNoSecret() {
        OidcStart start = g.oidc().start("alpha", null, null);
        String q = start.authorizationUri().getRawQuery();
        assertTrue(start.authorizationUri().toString().startsWith(provider.issuerUrl("alpha").toString()), start.toString());
        for (String part : List.of("response_type=code", "client_id=" + CLIENT, "code_challenge_method=S256",
                "code_challenge=", "state=", "nonce=", "scope=", "redirect_uri=https%3A%2F%2Fapp.example.test%2Fauth%2Foidc%2Falpha%2Fcallback")) {
            assertTrue(q.contains(part), part + " in " + q);
        }
        assertFalse(q.contains(start.flow()), "the flow value stays in the browser's cookie");
        assertFalse(q.contains("secret-alpha"));
        assertEquals(1, count("oidc_flows", null));
        assertEquals(0, count("oidc_flows", "flow_sha256 = '" + start.flow() + "'"), "the flow is stored hashed");
        assertEquals(CLOCK.instant().plusSeconds(600), start.expiresAt());
        assertFalse(start.toString().contains(start.flow()));
    }

    @Test
    void returnToMustBeALocalPath() {
        for (String bad : List.of("https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)",
                "/a\nb", "/" + "x".repeat(600))) {
            assertThrows(ValidationException.class, () -> g.oidc().start("alpha", bad, null), bad);
        }
        assertThrows(ValidationException.class, () -> g.oidc().start("gamma", null, null), "no such provider");
    }

    // ---- new and returning users ---------------------------------------------------------------------------

    @Test
    void aFirstSignInWithAVerifiedEmailCreatesAnAccountWithoutAPassword() throws Exception {
        OidcOutcome o = signIn("alpha", "sub-ada", "Ada@Example.com", true);
        assertTrue(o.created());
        assertEquals("/account", o.returnTo());
        SignInResult r = o.signIn();
        assertTrue(r.signedIn());
        assertEquals("ada@example.com", r.user().email());
        assertTrue(r.user().emailVerified());
        var s = g.sessions().resolve(r.cookie().value(), false).orElseThrow();
        assertEquals(Set.of(Factor.OIDC), s.authentication().factors());
        assertEquals(1, count("users", "password_hash IS NULL"));
        List<OidcIdentity> ids = g.oidc().identities(r.user().id());
        assertEquals(1, ids.size());
        assertEquals("alpha", ids.get(0).provider());
        assertEquals(1, events(r.user().id(), EventType.SIGN_UP).size());
        assertEquals("sign_up", events(r.user().id(), EventType.OIDC_LINKED).get(0).details().get("how"));
        assertThrows(dev.gatehouse.account.InvalidCredentialsException.class,
                () -> g.auth().signIn("ada@example.com", "", null, null), "no password to guess");
    }

    @Test
    void aReturningIdentitySignsInToItsAccountEvenWhenItsEmailChanged() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        OidcOutcome again = signIn("alpha", "sub-ada", "someone-else@example.com", true);
        assertFalse(again.created());
        assertEquals(ada, again.signIn().user().id(), "found by issuer and subject, never by email");
        assertEquals("ada@example.com", again.signIn().user().email(), "the provider's new email is not the account's");
        assertEquals("someone-else@example.com", g.oidc().identities(ada).get(0).email());
        assertNotNull(g.oidc().identities(ada).get(0).lastUsedAt());
    }

    @Test
    void anotherSubjectWithAKnownEmailDoesNotSignInAsThatAccount() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        // beta does not allow sign-up; the same email at beta with another subject must not reach Ada's account
        // unless both sides verified the address: here the provider did not.
        assertThrows(OidcLinkRequiredException.class, () -> signIn("beta", "sub-mallory", "ada@example.com", false));
        assertEquals(1, g.oidc().identities(ada).size());
    }

    @Test
    void anUnverifiedProviderEmailNeverTakesOverAnAccount() {
        String ada = user("ada@example.com", true);
        OidcLinkRequiredException e = assertThrows(OidcLinkRequiredException.class,
                () -> signIn("alpha", "sub-x", "ada@example.com", false));
        assertEquals("oidc_link_required", e.code().wire());
        assertEquals(List.of(), g.oidc().identities(ada));
        assertEquals("provider_email_unverified", events(ada, EventType.SIGN_IN).get(0).details().get("reason"));
        assertEquals(0, count("sessions", null));
    }

    @Test
    void aVerifiedProviderEmailDoesNotTakeOverAnAccountWhoseEmailIsUnverified() {
        // Pre-hijacking: someone signs up with the victim's address and a password they know, never confirms it;
        // the victim's later provider sign-in must not join the attacker's account.
        String planted = user("victim@example.com", false);
        assertThrows(OidcLinkRequiredException.class, () -> signIn("alpha", "sub-victim", "victim@example.com", true));
        assertEquals(List.of(), g.oidc().identities(planted));
        assertEquals(1, count("users", null), "no second account either");
    }

    @Test
    void bothSidesVerifiedLinksAutomatically() throws Exception {
        String ada = user("ada@example.com", true);
        OidcOutcome o = signIn("beta", "sub-ada", "ada@example.com", true);
        assertFalse(o.created());
        assertEquals(ada, o.signIn().user().id());
        assertEquals("auto", events(ada, EventType.OIDC_LINKED).get(0).details().get("how"));
    }

    @Test
    void withoutSignUpAnUnknownIdentityIsRefused() {
        failed("no_account", () -> signIn("beta", "sub-new", "new@example.com", true));
        assertEquals(0, count("users", null));
    }

    @Test
    void signUpNeedsAVerifiedEmailFromTheProvider() {
        failed("no_verified_email", () -> signIn("alpha", "sub-new", "new@example.com", false));
        failed("no_verified_email", () -> signIn("alpha", "sub-new", null, false));
        assertEquals(0, count("users", null));
    }

    // ---- what the callback refuses ---------------------------------------------------------------------------

    @Test
    void aCallbackWithoutTheFlowCookieOrWithAnotherStateIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-ada", "ada@example.com", true);
        Map<String, String> back = authorize(start);
        failed("no_flow", () -> g.oidc().finish("alpha", null, back, null, null, null));
        failed("no_flow", () -> g.oidc().finish("alpha", "not-a-flow", back, null, null, null));
        Map<String, String> forged = new HashMap<>(back);
        String state = back.get("state");
        forged.put("state", (state.charAt(0) == 'x' ? "y" : "x") + state.substring(1)); // one character changed
        failed("state_mismatch", () -> g.oidc().finish("alpha", start.flow(), forged, null, null, null));
        failed("unknown_flow", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
        assertEquals(0, count("users", null));
    }

    @Test
    void aMissingStateIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        Map<String, String> back = authorize(start);
        back.remove("state");
        failed("state_mismatch", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
    }

    @Test
    void aReplayedCallbackIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-ada", "ada@example.com", true);
        Map<String, String> back = authorize(start);
        assertTrue(g.oidc().finish("alpha", start.flow(), back, null, null, null).signIn().signedIn());
        failed("unknown_flow", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
        assertEquals(1, count("sessions", null));
    }

    @Test
    void aFlowStartedForOneProviderIsRefusedAtAnother() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-ada", "ada@example.com", true);
        Map<String, String> back = authorize(start);
        failed("unknown_flow", () -> g.oidc().finish("beta", start.flow(), back, null, null, null));
    }

    @Test
    void aCodeFromAnotherBrowsersFlowIsRefused() throws Exception {
        OidcStart victim = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-victim", "victim@example.com", true);
        Map<String, String> stolen = authorize(victim);
        OidcStart attacker = g.oidc().start("alpha", null, null);
        Map<String, String> injected = new HashMap<>(authorize(attacker));
        injected.put("code", stolen.get("code")); // the victim's code, the attacker's own flow and state
        assertThrows(OidcFailedException.class, () -> g.oidc().finish("alpha", attacker.flow(), injected, null, null, null));
        assertEquals(0, count("users", null));
    }

    @Test
    void anIdTokenWithAnotherNonceIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-ada", Map.of("nonce", "not-this-flows-nonce", "email", "ada@example.com",
                "email_verified", true), 300);
        Map<String, String> back = authorize(start);
        failed("bad_id_token", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
        assertEquals(0, count("users", null));
    }

    @Test
    void anExpiredIdTokenIsRefusedBeyondTheAllowedSkew() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        nextToken("alpha", "sub-ada", Map.of("email", "ada@example.com", "email_verified", true), 30);
        Map<String, String> back = authorize(start);
        CLOCK.advance(Duration.ofSeconds(30 + 60 + 5)); // ttl + oidcClockSkewSeconds, and a little
        failed("bad_id_token", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
    }

    @Test
    void anIdTokenForAnotherAudienceIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        // The provider puts the requesting client in "aud" itself; the claim given here replaces it.
        nextToken("alpha", "sub-ada", Map.of("aud", "another-app", "email", "ada@example.com", "email_verified", true), 300);
        Map<String, String> back = authorize(start);
        failed("bad_id_token", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
    }

    @Test
    void aFlowExpiresAfterOidcFlowSeconds() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        Map<String, String> back = authorize(start);
        CLOCK.advance(Duration.ofSeconds(601));
        failed("unknown_flow", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
    }

    @Test
    void aProviderErrorIsRefusedWithItsCodeAndNothingElse() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        OidcFailedException e = failed("provider_error", () -> g.oidc().finish("alpha", start.flow(),
                Map.of("error", "access_denied<script>", "state", "whatever"), null, null, null));
        assertTrue(e.getMessage().contains("access_denied") && !e.getMessage().contains("<"), e.getMessage());
    }

    @Test
    void anIssParameterNamingAnotherIssuerIsRefused() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, null);
        Map<String, String> back = new HashMap<>(authorize(start));
        back.put("iss", provider.issuerUrl("beta").toString());
        failed("issuer_mismatch", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
    }

    @Test
    void aProviderThatCannotBeReachedAnswers503AndDoesNotFailStartUp() throws Exception {
        MockOAuth2Server gone = new MockOAuth2Server();
        gone.start();
        String issuer = gone.issuerUrl("gone").toString();
        gone.shutdown();
        Gatehouse down = gh(b -> b.publicBaseUrl(BASE).oidcProviders(List.of(
                new OidcProviderSettings("gone", issuer, CLIENT, null, null, true, null))));
        GatehouseUnavailableException e = assertThrows(GatehouseUnavailableException.class,
                () -> down.oidc().start("gone", null, null));
        assertEquals("oidc_provider_unavailable", e.code().wire());
        assertTrue(e.retryAfterSeconds() > 0);
        assertEquals(List.of("gone"), down.oidc().providers().stream().map(dev.gatehouse.oidc.OidcProvider::id).toList());
    }

    @Test
    void discoveryAtStartUpReadsTheProvidersThatAnswerAndLogsTheOthers() throws Exception {
        MockOAuth2Server gone = new MockOAuth2Server();
        gone.start();
        String issuer = gone.issuerUrl("gone").toString();
        gone.shutdown();
        Gatehouse two = gh(b -> b.publicBaseUrl(BASE).oidcProviders(List.of(settings("alpha", true),
                new OidcProviderSettings("gone", issuer, CLIENT, null, null, true, null))));
        assertEquals(Map.of("alpha", true, "gone", false),
                ((dev.gatehouse.internal.oidc.DefaultOidcService) two.oidc()).discoverAll());
    }

    // ---- accounts ------------------------------------------------------------------------------------------

    @Test
    void aSecondFactorStillAppliesAfterAProviderSignIn() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        TotpEnrolment e = g.mfa().beginTotp(ada);
        g.mfa().confirmTotp(ada, TotpCodes.at(e.secret(), CLOCK.instant()));
        SignInResult pending = signIn("alpha", "sub-ada", "ada@example.com", true).signIn();
        assertTrue(pending.mfaRequired());
        assertNull(pending.cookie());
        CLOCK.advance(Duration.ofSeconds(30));
        SignInResult done = g.auth().completeSignIn(pending.challenge().pendingCookie().value(),
                TotpCodes.at(e.secret(), CLOCK.instant()), null, null, null);
        assertEquals(Set.of(Factor.OIDC, Factor.TOTP),
                g.sessions().resolve(done.cookie().value(), false).orElseThrow().authentication().factors());
    }

    @Test
    void aDisabledAccountCannotSignInWithItsProvider() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        g.admin().disableUser(ada, "admin");
        assertThrows(AccountDisabledException.class, () -> signIn("alpha", "sub-ada", "ada@example.com", true));
    }

    @Test
    void aSignedInUserLinksAnIdentityAndUnlinksIt() throws Exception {
        String ada = user("ada@example.com", false);
        OidcStart start = g.oidc().startLink(ada, "beta", "/account/security");
        nextToken("beta", "sub-ada-beta", "ada.work@example.com", false);
        OidcOutcome o = g.oidc().finish("beta", start.flow(), authorize(start), null, null, null);
        assertNull(o.signIn(), "a link opens no session");
        assertEquals("/account/security", o.returnTo());
        assertEquals("beta", o.linked().provider());
        assertEquals(ada, signIn("beta", "sub-ada-beta", null, false).signIn().user().id(), "now it signs in");
        assertTrue(g.oidc().unlink(ada, o.linked().id(), null, null));
        assertFalse(g.oidc().unlink(ada, o.linked().id(), null, null), "already gone");
        failed("no_account", () -> signIn("beta", "sub-ada-beta", null, false));
        assertEquals(1, events(ada, EventType.OIDC_UNLINKED).size());
    }

    @Test
    void anIdentityLinkedToOneAccountCannotBeLinkedToAnother() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        String bob = user("bob@example.com", true);
        OidcStart start = g.oidc().startLink(bob, "alpha", null);
        nextToken("alpha", "sub-ada", "ada@example.com", true);
        Map<String, String> back = authorize(start);
        failed("linked_elsewhere", () -> g.oidc().finish("alpha", start.flow(), back, null, null, null));
        assertEquals(1, g.oidc().identities(ada).size());
        assertEquals(List.of(), g.oidc().identities(bob));
    }

    @Test
    void aLinkedProviderConfirmsItsYouForAnOldSession() throws Exception {
        SignInResult r = signIn("alpha", "sub-ada", "ada@example.com", true).signIn();
        String ada = r.user().id();
        CLOCK.advance(Duration.ofMinutes(6)); // past reauthWindowSeconds
        var before = g.sessions().resolve(r.cookie().value(), false).orElseThrow();
        assertFalse(before.authentication().recent());
        assertThrows(ValidationException.class, () -> g.oidc().startReauth(ada, before.sessionId(), "beta", null),
                "no identity at beta");
        OidcStart start = g.oidc().startReauth(ada, before.sessionId(), "alpha", "/tokens");
        String q = start.authorizationUri().getRawQuery();
        assertTrue(q.contains("prompt=login") && q.contains("max_age=0"), q);
        OidcOutcome o = g.oidc().finish("alpha", start.flow(), authorizeAtTheLoginForm(start.authorizationUri(), "sub-ada",
                "{\"auth_time\":" + CLOCK.instant().getEpochSecond() + "}"), null, null, null);
        assertTrue(o.reauthenticated());
        assertEquals("/tokens", o.returnTo());
        var after = g.sessions().resolve(r.cookie().value(), false).orElseThrow();
        assertTrue(after.authentication().recent());
        assertEquals(Set.of(Factor.OIDC), after.authentication().factors());
        assertEquals(Outcome.SUCCESS, events(ada, EventType.REAUTH).get(0).outcome());
    }

    @Test
    void aReauthenticationNeedsAFreshSignInOfTheSameIdentity() throws Exception {
        SignInResult r = signIn("alpha", "sub-ada", "ada@example.com", true).signIn();
        String ada = r.user().id();
        String session = g.sessions().resolve(r.cookie().value(), false).orElseThrow().sessionId();
        CLOCK.advance(Duration.ofMinutes(6));
        OidcStart stale = g.oidc().startReauth(ada, session, "alpha", null);
        Map<String, String> back = authorizeAtTheLoginForm(stale.authorizationUri(), "sub-ada",
                "{\"auth_time\":" + CLOCK.instant().minusSeconds(600).getEpochSecond() + "}");
        failed("not_reauthenticated", () -> g.oidc().finish("alpha", stale.flow(), back, null, null, null));
        OidcStart none = g.oidc().startReauth(ada, session, "alpha", null);
        Map<String, String> back2 = authorizeAtTheLoginForm(none.authorizationUri(), "sub-ada", "{}"); // no auth_time
        failed("not_reauthenticated", () -> g.oidc().finish("alpha", none.flow(), back2, null, null, null));
        OidcStart other = g.oidc().startReauth(ada, session, "alpha", null);
        Map<String, String> back3 = authorizeAtTheLoginForm(other.authorizationUri(), "sub-mallory",
                "{\"auth_time\":" + CLOCK.instant().getEpochSecond() + "}");
        failed("other_identity", () -> g.oidc().finish("alpha", other.flow(), back3, null, null, null));
        assertFalse(g.sessions().resolve(r.cookie().value(), false).orElseThrow().authentication().recent());
        assertEquals(2, events(ada, EventType.REAUTH).stream()
                .filter(e -> "not_reauthenticated".equals(e.details().get("reason"))).count(), "refused re-authentications");
        assertTrue(events(ada, EventType.OIDC_LINKED).stream().noneMatch(e -> e.outcome() == Outcome.FAILURE),
                "a refused re-authentication is not a refused link");
    }

    @Test
    void theLastWayToSignInCannotBeUnlinked() throws Exception {
        String ada = signIn("alpha", "sub-ada", "ada@example.com", true).signIn().user().id();
        String only = g.oidc().identities(ada).get(0).id();
        LastSignInMethodException e = assertThrows(LastSignInMethodException.class, () -> g.oidc().unlink(ada, only, null, null));
        assertEquals("last_sign_in_method", e.code().wire());
        assertEquals(1, g.oidc().identities(ada).size());
        assertFalse(g.oidc().unlink(user("bob@example.com", true), only, null, null), "not bob's");
    }

    @Test
    void everyRefusedCallbackIsAudited() throws Exception {
        OidcStart start = g.oidc().start("alpha", null, "10.0.0.9");
        Map<String, String> back = authorize(start);
        back.put("state", "forged");
        assertThrows(OidcFailedException.class, () -> g.oidc().finish("alpha", start.flow(), back, "10.0.0.9", "ua", null));
        List<SecurityEvent> refused = g.audit().query(dev.gatehouse.audit.AuditQuery.latest(20)).events().stream()
                .filter(ev -> ev.type() == EventType.SIGN_IN && ev.outcome() == Outcome.FAILURE).toList();
        assertEquals(1, refused.size(), refused.toString());
        assertEquals("state_mismatch", refused.get(0).details().get("reason"));
        assertEquals("alpha", refused.get(0).details().get("provider"));
        assertEquals("10.0.0.9", refused.get(0).ip());
    }

    @Test
    void providersAreListedWithTheirNamesAndSignUpRule() {
        var list = g.oidc().providers();
        assertEquals(List.of("alpha", "beta"), list.stream().map(dev.gatehouse.oidc.OidcProvider::id).toList());
        assertTrue(list.get(0).signUp());
        assertEquals("Alpha beta", list.get(1).name());
    }
}
