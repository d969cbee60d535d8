package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.testing.TestBeans;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OpenID Connect sign-in over HTTP, as a browser does it: {@code GET /auth/oidc/{id}/start} (a redirect to the
 * provider and the flow cookie), the provider ({@code mock-oauth2-server} in this JVM) redirecting back, and
 * {@code GET /auth/oidc/{id}/callback} with that cookie. One subclass per integration mode; every exchange is
 * checked against the OpenAPI document.
 */
public abstract class OidcHttpSuite extends RestartableServerSuite {

    static final String PW = HttpApiSuite.PW;
    static final String SESSION = "gatehouse_session";
    static final String FLOW = "gatehouse_oidc";
    static final String CLIENT = "gatehouse-app";
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    MockOAuth2Server provider;

    @BeforeAll
    void boot() throws Exception {
        TestBeans.mailer = new DevOutboxMailer();
        provider = new MockOAuth2Server();
        provider.start();
        settings = base().build();
        startOwnServer();
    }

    /** The provider stamps tokens with the real time: a test that moved the server's clock must not age the next one's. */
    @org.junit.jupiter.api.BeforeEach
    void realTime() {
        TestBeans.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    private AuthSettings.Builder base() {
        TestBeans.clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS)); // the provider stamps tokens with real time
        return TestServer.settings().rateLimitSignInPerHour(1000).rateLimitSignUpPerHour(1000)
                .oidcProviders(List.of(new OidcProviderSettings("corp", provider.issuerUrl("corp").toString(), CLIENT,
                        "s3cret", null, true, "Corp SSO")));
    }

    /** Start, the provider's answer (with these claims), and the callback, through one cookie jar: the callback's answer. */
    Http.Res signIn(CookieJar browser, String subject, String email, boolean verified, String returnTo) throws Exception {
        Http.Res start = browser.get(http, "/auth/oidc/corp/start" + (returnTo == null ? "" : "?returnTo=" + returnTo));
        assertEquals(302, start.status(), start.body());
        return callback(browser, URI.create(start.header("Location").orElseThrow()), subject, email, verified, true);
    }

    /**
     * The provider's redirect back, then the callback. {@code exchanged}: the callback will ask the provider for
     * tokens (the claims are queued for that request only then: a queued answer nobody takes would reach the next test).
     */
    Http.Res callback(CookieJar browser, URI authorization, String subject, String email, boolean verified, boolean exchanged)
            throws Exception {
        if (exchanged) {
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("corp", subject, "JWT", List.of(CLIENT),
                    email == null ? Map.of() : Map.of("email", email, "email_verified", verified), 300));
        }
        HttpResponse<String> atProvider = BROWSER.send(HttpRequest.newBuilder(authorization).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, atProvider.statusCode(), atProvider.body());
        URI back = URI.create(atProvider.headers().firstValue("Location").orElseThrow());
        assertTrue(back.getPath().endsWith("/auth/oidc/corp/callback"), back.toString());
        return browser.get(http, back.getRawPath() + "?" + back.getRawQuery());
    }

    static String email() {
        return HttpApiSuite.email();
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    @Test
    void theProvidersAreListedForTheSignInPage() throws Exception {
        Http.Res r = http.get("/auth/oidc/providers");
        assertEquals(200, r.status(), r.body());
        assertEquals("Corp SSO", r.json().getJsonArray("providers").getJsonObject(0).getString("name"));
        assertEquals(404, http.get("/auth/oidc/nobody/start").status());
    }

    @Test
    void startRedirectsToTheProviderWithALaxHttpOnlyFlowCookie() throws Exception {
        Http.Res r = http.get("/auth/oidc/corp/start?returnTo=/projects");
        assertEquals(302, r.status());
        URI to = URI.create(r.header("Location").orElseThrow());
        assertTrue(to.toString().startsWith(provider.issuerUrl("corp").toString()), to.toString());
        Map<String, String> q = query(to);
        assertEquals("S256", q.get("code_challenge_method"));
        assertEquals("http://app.example.test/auth/oidc/corp/callback", q.get("redirect_uri"));
        String cookie = r.setCookie(FLOW);
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/auth/oidc/corp/"),
                cookie);
        assertFalse(to.toString().contains(r.cookie(FLOW).orElseThrow()), "the flow value never leaves the browser");
        assertEquals(400, http.get("/auth/oidc/corp/start?returnTo=https://evil.example").status());
        assertEquals(400, http.get("/auth/oidc/corp/start?returnTo=//evil.example").status());
    }

    @Test
    void aFirstSignInCreatesTheAccountOpensASessionAndGoesBack() throws Exception {
        String e = email();
        CookieJar browser = new CookieJar();
        Http.Res back = signIn(browser, "sub-" + e, e, true, "/projects");
        assertEquals(302, back.status(), back.body());
        assertEquals("/projects", back.header("Location").orElseThrow());
        assertEquals("no-referrer", back.header("Referrer-Policy").orElseThrow());
        assertTrue(browser.has(SESSION) && !browser.has(FLOW), back.headers("Set-Cookie").toString());
        var me = browser.get(http, "/auth/me").json();
        assertEquals(e, me.getJsonObject("user").getString("email"));
        assertEquals("oidc", me.getJsonObject("authentication").getJsonArray("factors").getString(0));
        var ids = browser.get(http, "/auth/oidc/identities").json().getJsonArray("identities");
        assertEquals("corp", ids.getJsonObject(0).getString("provider"));
    }

    @Test
    void aCallbackWithoutItsFlowCookieIsAPageSayingWhyNotAStackTrace() throws Exception {
        CookieJar browser = new CookieJar();
        Http.Res start = browser.get(http, "/auth/oidc/corp/start");
        browser.drop(FLOW); // another browser, or a forged link
        Http.Res r = callback(browser, URI.create(start.header("Location").orElseThrow()), "sub-x", email(), true, false);
        assertEquals(401, r.status());
        assertTrue(r.header("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(r.body().contains("<code id=code>oidc_failed</code>"), r.body());
        assertTrue(r.header("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
        assertFalse(browser.has(SESSION));
    }

    @Test
    void aProviderErrorIsShownEscaped() throws Exception {
        CookieJar browser = new CookieJar();
        browser.get(http, "/auth/oidc/corp/start");
        Http.Res r = browser.get(http, "/auth/oidc/corp/callback?error=%3Cscript%3Ealert(1)%3C/script%3E&state=x");
        assertEquals(401, r.status());
        assertFalse(r.body().contains("<script>"), r.body());
    }

    @Test
    void anExistingAccountWhoseEmailIsUnconfirmedIsNotTakenOver() throws Exception {
        String e = email();
        assertEquals(201, http.post("/auth/signup", body("email", e, "password", PW)).status());
        Http.Res r = signIn(new CookieJar(), "sub-" + e, e, true, null);
        assertEquals(409, r.status());
        assertTrue(r.body().contains("oidc_link_required"), r.body());
    }

    @Test
    void aSignedInUserLinksTheProviderAndUnlinksIt() throws Exception {
        String e = email();
        CookieJar browser = new CookieJar();
        assertEquals(201, browser.post(http, "/auth/signup", body("email", e, "password", PW)).status());
        Http.Res link = browser.post(http, "/auth/oidc/corp/link", body("returnTo", "/account"));
        assertEquals(200, link.status(), link.body());
        Http.Res back = callback(browser, URI.create(link.json().getString("location")), "sub-linked-" + e, null, false, true);
        assertEquals(302, back.status(), back.body());
        assertEquals("/account", back.header("Location").orElseThrow());
        var ids = browser.get(http, "/auth/oidc/identities").json().getJsonArray("identities");
        assertEquals(1, ids.size());
        assertTrue(ids.getJsonObject(0).isNull("email"));
        Http.Res other = signIn(new CookieJar(), "sub-linked-" + e, null, false, null);
        assertEquals(302, other.status(), "the linked identity signs in: " + other.body());
        String id = ids.getJsonObject(0).getString("id");
        assertEquals(200, browser.send(http, "DELETE", "/auth/oidc/identities/" + id, null).status());
        assertEquals(404, browser.send(http, "DELETE", "/auth/oidc/identities/" + id, null).status());
        assertEquals(401, http.post("/auth/oidc/corp/link", null).status(), "anonymous");
    }

    @Test
    void anOldSessionConfirmsItsYouWithItsProvider() throws Exception {
        String e = email();
        CookieJar browser = new CookieJar();
        assertEquals(302, signIn(browser, "sub-" + e, e, true, null).status());
        TestBeans.clock.advance(java.time.Duration.ofMinutes(6));
        Http.Res stale = browser.post(http, "/auth/tokens", "{\"name\":\"t\",\"scopes\":[\"a\"]}");
        assertEquals(403, stale.status(), "not recent any more");
        assertEquals("oidc", stale.json().getJsonArray("methods").getString(0), "the provider is the way to confirm it");
        Http.Res start = browser.post(http, "/auth/oidc/corp/reauth", body("returnTo", "/tokens"));
        assertEquals(200, start.status(), start.body());
        Map<String, String> q = dev.gatehouse.OidcSuite.authorizeAtTheLoginForm(URI.create(start.json().getString("location")),
                "sub-" + e, "{\"auth_time\":" + TestBeans.clock.instant().getEpochSecond() + "}");
        Http.Res back = browser.get(http, "/auth/oidc/corp/callback?code=" + java.net.URLEncoder.encode(q.get("code"),
                StandardCharsets.UTF_8) + "&state=" + q.get("state"));
        assertEquals(302, back.status(), back.body());
        assertEquals("/tokens", back.header("Location").orElseThrow());
        assertEquals(201, browser.post(http, "/auth/tokens", "{\"name\":\"t\",\"scopes\":[\"a\"]}").status());
        assertEquals(401, http.post("/auth/oidc/corp/reauth", null).status(), "anonymous");
    }

    @Test
    void withASecondFactorTheCallbackSendsTheBrowserToTheSecondStep() throws Exception {
        String e = email();
        CookieJar browser = new CookieJar();
        assertEquals(302, signIn(browser, "sub-" + e, e, true, null).status());
        MfaSteps.enrol(http, "Cookie", SESSION + "=" + browser.get(SESSION));
        CookieJar again = new CookieJar();
        Http.Res r = signIn(again, "sub-" + e, e, true, null);
        assertEquals(302, r.status(), r.body());
        assertEquals("/login/code", r.header("Location").orElseThrow());
        assertTrue(again.has("gatehouse_mfa") && !again.has(SESSION), r.headers("Set-Cookie").toString());
    }

    @Test
    void everyOidcRowIs404WithoutProviders() throws Exception {
        try (Variant v = variant(TestServer.settings().build())) {
            assertEquals(404, v.http.get("/auth/oidc/providers").status());
            assertEquals(404, v.http.get("/auth/oidc/corp/start").status());
            assertEquals(404, v.http.get("/auth/oidc/corp/callback?code=x").status());
            assertEquals(404, v.http.get("/auth/oidc/identities").status());
        }
    }
}
