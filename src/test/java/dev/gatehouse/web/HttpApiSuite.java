package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.testing.AuditCapture;
import dev.gatehouse.testing.TestBeans;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every row and error of the JSON API, black-box over HTTP; one subclass per integration mode. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpApiSuite {

    static final String PW = "tangerine-otter-42";
    static final String COOKIE = "gatehouse_session";
    static final String TRUSTED = "https://admin.example.test";
    static final String DEVICE = "gatehouse_device";

    TestServer server;
    Http http;
    DevOutboxMailer outbox;

    protected abstract TestServer.Mode mode();

    @BeforeAll
    void boot() throws Exception {
        outbox = new DevOutboxMailer();
        TestBeans.mailer = outbox;
        TestBeans.clock.set(dev.gatehouse.testing.MutableClock.T0);
        server = TestServer.start(mode(), TestServer.settings().rateLimitSignInPerHour(1000).rateLimitSignUpPerHour(1000)
                .rateLimitPasswordResetPerHour(1000).rateLimitTokenRedeemPerHour(1000)
                .trustedOrigins(java.util.Set.of(TRUSTED)).build());
        http = new Http(server.base());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String body(String... kv) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build().toString();
    }

    /** Signs up and returns the session cookie value. */
    String signUp(String email) throws Exception {
        Http.Res r = http.post("/auth/signup", body("email", email, "password", PW));
        assertEquals(201, r.status(), r.body());
        return r.cookie(COOKIE).orElseThrow();
    }

    static String[] cookie(String value) {
        return new String[] {"Cookie", COOKIE + "=" + value};
    }

    static void assertError(Http.Res r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        JsonObject j = r.json();
        assertFalse(j.getBoolean("ok"));
        assertEquals(code, j.getString("code"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    @Test
    void meIsNullForAnonymousAndTheUserWhenSignedIn() throws Exception {
        assertEquals("{\"user\":null}", http.get("/auth/me").body());
        String e = email();
        String c = signUp(e);
        JsonObject u = http.get("/auth/me", cookie(c)).json().getJsonObject("user");
        assertEquals(e, u.getString("email"));
        assertFalse(u.getBoolean("emailVerified"));
        assertTrue(u.containsKey("id") && u.containsKey("username") && u.containsKey("createdAt"));
        assertFalse(u.containsKey("passwordHash"));
        assertEquals(405, http.post("/auth/me", "{}").status());
        assertEquals("GET", http.post("/auth/me", "{}").header("Allow").orElseThrow());
    }

    @Test
    void signUpSetsAHardenedSessionCookie() throws Exception {
        Http.Res r = http.post("/auth/signup", body("email", email(), "password", PW));
        assertEquals(201, r.status());
        assertTrue(r.json().getBoolean("ok"));
        String set = r.setCookie(COOKIE);
        assertTrue(set.contains("HttpOnly") && set.contains("SameSite=Lax") && set.contains("Path=/")
                && set.contains("Max-Age=2592000"), set);
        assertEquals("no-store", r.header("Cache-Control").orElseThrow());
        assertTrue(r.cookie(COOKIE).orElseThrow().matches("[A-Za-z0-9_-]{43}"));
    }

    @Test
    void anOversizedBodyIsReadAndRefusedAndTheConnectionStaysOpen() throws Exception {
        for (int i = 0; i < 5; i++) {
            Http.Res big = http.post("/auth/signup", "{\"email\":\"" + "x".repeat(200_000) + "\"}");
            assertError(big, 413, "payload_too_large");
            assertTrue(big.header("Connection").isEmpty(), "keep-alive after a drained body: " + big.header("Connection"));
            assertEquals(200, http.get("/auth/me").status());
        }
        // Past the drain limit the server answers and closes without reading the rest. A client still
        // sending may then see its connection reset before it reads the answer (TCP discards it): the
        // answer, when it arrives, says close; either way the server stays usable.
        try {
            Http.Res huge = http.isolated().post("/auth/signup", "{\"email\":\"" + "x".repeat(2_000_000) + "\"}");
            assertError(huge, 413, "payload_too_large");
            assertEquals("close", huge.header("Connection").orElse("").toLowerCase(java.util.Locale.ROOT));
        } catch (java.io.IOException reset) {
            assertTrue(String.valueOf(reset.getMessage()).matches("(?s).*(no bytes|reset|closed|EOF|Broken pipe).*"),
                    reset.toString());
        }
        assertEquals(200, http.get("/auth/me").status());
    }

    @Test
    void signUpErrors() throws Exception {
        String e = email();
        signUp(e);
        assertError(http.post("/auth/signup", body("email", e.toUpperCase(), "password", PW)), 409, "account_exists");
        assertError(http.post("/auth/signup", body("email", email(), "password", "short")), 422, "weak_password");
        assertError(http.post("/auth/signup", body("email", "nope", "password", PW)), 400, "auth_error");
        assertError(http.post("/auth/signup", body("email", email())), 400, "invalid_request");
        assertError(http.post("/auth/signup", "{\"email\": 5, \"password\": \"x\"}"), 400, "invalid_request");
        assertError(http.post("/auth/signup", "{not json"), 400, "invalid_request");
        assertError(http.post("/auth/signup", "[1,2]"), 400, "invalid_request");
        assertError(http.send("POST", "/auth/signup", null, "Content-Type", "text/plain"), 415, "unsupported_media_type");
        assertError(http.post("/auth/signup", "{\"email\":\"" + "x".repeat(20_000) + "\"}"), 413, "payload_too_large");
        Http.Res get = http.get("/auth/signup");
        assertError(get, 405, "method_not_allowed");
        assertEquals("POST", get.header("Allow").orElseThrow());
    }

    @Test
    void loginIssuesANewSessionAndEndsTheOldOne() throws Exception {
        String e = email();
        String first = signUp(e);
        Http.Res r = http.post("/auth/login", body("email", e, "password", PW), cookie(first));
        assertEquals(200, r.status(), r.body());
        assertEquals(e, r.json().getJsonObject("user").getString("email"));
        String second = r.cookie(COOKIE).orElseThrow();
        assertNotEquals(first, second);
        assertEquals("no-store", r.header("Cache-Control").orElseThrow());
        assertTrue(http.get("/auth/me", cookie(first)).json().isNull("user"));
        assertFalse(http.get("/auth/me", cookie(second)).json().isNull("user"));
    }

    @Test
    void loginSetsAnAccountBoundDeviceCookieThatGetsPastTheAccountLock() throws Exception {
        String e = email();
        Http.Res up = http.post("/auth/signup", body("email", e, "password", PW));
        String device = up.cookie(DEVICE).orElseThrow();
        Http.Res in = http.post("/auth/login", body("email", e, "password", PW), "Cookie", DEVICE + "=" + device);
        assertEquals(200, in.status(), in.body());
        String set = in.setCookie(DEVICE);
        assertTrue(set.contains("; Max-Age=15552000; Path=/; HttpOnly; SameSite=Strict"), set); // no Secure in tests
        assertFalse(set.contains(e.substring(0, e.indexOf('@'))), set);
        String renewed = in.cookie(DEVICE).orElseThrow();
        assertNotEquals(device, renewed);
        for (int i = 0; i < 100; i++) { // the default lock: 100 failures in a row
            assertError(http.post("/auth/login", body("email", e, "password", "wrong-password")), 401, "invalid_credentials");
        }
        assertError(http.post("/auth/login", body("email", e, "password", PW)), 429, "rate_limited");
        assertError(http.post("/auth/login", body("email", e, "password", PW), "Cookie", DEVICE + "=" + device + "x"),
                429, "rate_limited");
        Http.Res trusted = http.post("/auth/login", body("email", e, "password", PW), "Cookie", DEVICE + "=" + renewed);
        assertEquals(200, trusted.status(), trusted.body());
        assertTrue(trusted.cookie(COOKIE).isPresent() && trusted.cookie(DEVICE).isPresent());
    }

    @Test
    void loginErrors() throws Exception {
        String e = email();
        signUp(e);
        Http.Res wrong = http.post("/auth/login", body("email", e, "password", "wrong-password"));
        assertError(wrong, 401, "invalid_credentials");
        assertFalse(wrong.json().getString("error").contains("exist"));
        assertError(http.post("/auth/login", body("email", email(), "password", PW)), 401, "invalid_credentials");
        assertError(http.post("/auth/login", body("email", e)), 400, "invalid_request");
        assertError(http.post("/auth/login", "null"), 400, "invalid_request");
        assertEquals("POST", http.get("/auth/login").header("Allow").orElseThrow());
    }

    @Test
    void logoutEndsTheSessionAndIsIdempotent() throws Exception {
        String c = signUp(email());
        Http.Res r = http.post("/auth/logout", null, cookie(c));
        assertEquals(200, r.status());
        assertTrue(r.json().getBoolean("ok"));
        assertTrue(r.setCookie(COOKIE).startsWith(COOKIE + "=; Max-Age=0"), r.setCookie(COOKIE));
        assertEquals("\"cache\", \"storage\"", r.header("Clear-Site-Data").orElseThrow(),
                "not \"cookies\": the device cookie outlives a sign-out");
        assertTrue(r.cookie(DEVICE).isEmpty(), "the device cookie is not deleted");
        assertTrue(http.get("/auth/me", cookie(c)).json().isNull("user"));
        assertEquals(200, http.post("/auth/logout", null).status());
        assertEquals("POST", http.get("/auth/logout").header("Allow").orElseThrow());
    }

    @Test
    void devicesCanBeListedAndRevoked() throws Exception {
        String e = email();
        String laptop = signUp(e);
        String phone = http.post("/auth/login", body("email", e, "password", PW), "User-Agent", "phone")
                .cookie(COOKIE).orElseThrow();
        List<JsonObject> list = http.get("/auth/sessions", cookie(laptop)).json().getJsonArray("sessions")
                .getValuesAs(JsonObject.class);
        assertEquals(2, list.size());
        JsonObject other = list.stream().filter(s -> !s.getBoolean("current")).findFirst().orElseThrow();
        assertEquals("phone", other.getString("userAgent"));
        assertEquals("127.0.0.1", other.getString("ip"));
        String stranger = signUp(email());
        assertFalse(http.send("DELETE", "/auth/sessions/" + other.getString("id"), null, cookie(stranger))
                .json().getBoolean("revoked"));
        Http.Res del = http.send("DELETE", "/auth/sessions/" + other.getString("id"), null, cookie(laptop));
        assertTrue(del.json().getBoolean("revoked"));
        assertTrue(http.get("/auth/me", cookie(phone)).json().isNull("user"));
        assertFalse(http.send("DELETE", "/auth/sessions/nonsense", null, cookie(laptop)).json().getBoolean("revoked"));
        String tablet = http.post("/auth/login", body("email", e, "password", PW)).cookie(COOKIE).orElseThrow();
        Http.Res others = http.post("/auth/sessions/revoke-others", null, cookie(laptop));
        assertEquals(1, others.json().getInt("revoked"));
        assertTrue(http.get("/auth/me", cookie(tablet)).json().isNull("user"));
        assertFalse(http.get("/auth/me", cookie(laptop)).json().isNull("user"));
    }

    @Test
    void sessionRowsNeedASignedInCaller() throws Exception {
        assertError(http.get("/auth/sessions"), 401, "auth_required");
        assertError(http.post("/auth/sessions/revoke-others", null), 401, "auth_required");
        assertError(http.post("/auth/password", body("currentPassword", PW, "newPassword", PW + "x")), 401, "auth_required");
        assertError(http.get("/auth/tokens"), 401, "auth_required");
        assertError(http.post("/auth/email/verify/request", null), 401, "auth_required");
    }

    @Test
    void changePasswordGivesAFreshCookieAndEndsOtherSessions() throws Exception {
        String e = email();
        String c = signUp(e);
        String other = http.post("/auth/login", body("email", e, "password", PW)).cookie(COOKIE).orElseThrow();
        http.post("/auth/tokens", "{\"name\":\"nightly-deploy\",\"scopes\":[\"deploy\"]}", cookie(c));
        assertError(http.post("/auth/password", body("currentPassword", "wrong-password", "newPassword", "new-phrase-123"),
                cookie(c)), 401, "invalid_credentials");
        assertError(http.post("/auth/password", body("currentPassword", PW, "newPassword", "short"), cookie(c)),
                422, "weak_password");
        Http.Res r = http.post("/auth/password", body("currentPassword", PW, "newPassword", "new-phrase-123"), cookie(c));
        assertEquals(200, r.status(), r.body());
        String fresh = r.cookie(COOKIE).orElseThrow();
        assertTrue(http.get("/auth/me", cookie(c)).json().isNull("user"));
        assertTrue(http.get("/auth/me", cookie(other)).json().isNull("user"));
        assertFalse(http.get("/auth/me", cookie(fresh)).json().isNull("user"));
        assertEquals(200, http.post("/auth/login", body("email", e, "password", "new-phrase-123")).status());
        MailMessage notice = outbox.messages().stream().filter(m -> m.to().equals(e) && m.subject().contains("changed"))
                .findFirst().orElseThrow();
        assertTrue(notice.body().contains("were not revoked") && notice.body().contains("nightly-deploy"), notice.body());
    }

    @Test
    void forgotAndResetPasswordThroughTheOutbox() throws Exception {
        String e = email();
        String c = signUp(e);
        Http.Res known = http.post("/auth/password/forgot", body("email", e));
        Http.Res unknown = http.post("/auth/password/forgot", body("email", email()));
        assertEquals(202, known.status());
        assertEquals(known.status(), unknown.status());
        assertEquals(known.body(), unknown.body());
        String token = lastToken(e, "http://app.example.test/reset-password?token=");
        Http.Res weak = http.post("/auth/password/reset", body("token", token, "newPassword", "short"));
        assertError(weak, 422, "weak_password");
        Http.Res ok = http.post("/auth/password/reset", body("token", token, "newPassword", "reset-phrase-456"));
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.cookie(COOKIE).isEmpty()); // no sign-in after a reset
        assertTrue(http.get("/auth/me", cookie(c)).json().isNull("user"));
        assertEquals(200, http.post("/auth/login", body("email", e, "password", "reset-phrase-456")).status());
        assertError(http.post("/auth/password/reset", body("token", token, "newPassword", "reset-phrase-789")), 400, "invalid_token");
        assertError(http.post("/auth/password/reset", body("token", "bogus", "newPassword", "reset-phrase-789")), 400, "invalid_token");
        assertError(http.post("/auth/password/forgot", body("email", "nope")), 400, "auth_error");
    }

    @Test
    void emailVerificationThroughTheOutbox() throws Exception {
        String e = email();
        String c = signUp(e);
        assertEquals(202, http.post("/auth/email/verify/request", null, cookie(c)).status());
        String token = lastToken(e, "http://app.example.test/verify-email?token=");
        Http.Res r = http.post("/auth/email/verify", body("token", token));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().getJsonObject("user").getBoolean("emailVerified"));
        assertError(http.post("/auth/email/verify", body("token", token)), 400, "invalid_token");
        assertError(http.post("/auth/email/verify/request", null, cookie(c)), 400, "auth_error");
    }

    @Test
    void apiTokensCanBeCreatedListedAndRevoked() throws Exception {
        String c = signUp(email());
        Http.Res created = http.post("/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"projects.read\"],\"expiresInDays\":30}",
                cookie(c));
        assertEquals(201, created.status(), created.body());
        assertEquals("no-store", created.header("Cache-Control").orElseThrow());
        String raw = created.json().getString("token");
        assertTrue(raw.startsWith("gate_pat_"));
        JsonObject meta = created.json().getJsonObject("apiToken");
        assertEquals("ci", meta.getString("name"));
        List<JsonObject> list = http.get("/auth/tokens", cookie(c)).json().getJsonArray("tokens").getValuesAs(JsonObject.class);
        assertEquals(1, list.size());
        assertFalse(list.get(0).toString().contains(raw));
        // a token caller may read /auth/me but cannot mint or list tokens
        assertFalse(http.get("/auth/me", "Authorization", "Bearer " + raw).json().isNull("user"));
        assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"a\"]}", "Authorization", "Bearer " + raw),
                403, "permission_denied");
        assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":\"a\"}", cookie(c)), 400, "invalid_request");
        assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"A B\"]}", cookie(c)), 400, "invalid_request");
        assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"a\"],\"expiresInDays\":1.5}", cookie(c)), 400, "invalid_request");
        Http.Res del = http.send("DELETE", "/auth/tokens/" + meta.getString("id"), null, cookie(c));
        assertTrue(del.json().getBoolean("revoked"));
        assertTrue(http.get("/auth/me", "Authorization", "Bearer " + raw).json().isNull("user"));
        assertEquals("DELETE", http.get("/auth/tokens/" + meta.getString("id"), cookie(c)).header("Allow").orElseThrow());
    }

    @Test
    void crossSiteCookieRequestsAreRefusedButBearerAndSameOriginPass() throws Exception {
        String c = signUp(email());
        String[] cross = {"Cookie", COOKIE + "=" + c, "Sec-Fetch-Site", "cross-site"};
        assertError(http.post("/auth/sessions/revoke-others", null, cross), 403, "csrf");
        assertError(http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c, "Origin", "https://evil.example"),
                403, "csrf");
        assertEquals(200, http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c,
                "Origin", server.base().toString()).status());
        assertEquals(200, http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c,
                "Sec-Fetch-Site", "same-origin").status());
        assertEquals(200, http.get("/auth/sessions", cross).status()); // safe method
        String raw = http.post("/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"*\"]}", cookie(c)).json().getString("token");
        Http.Res bearer = http.post("/reports", null, "Authorization", "Bearer " + raw, "Sec-Fetch-Site", "cross-site");
        assertEquals(200, bearer.status(), bearer.body());
    }

    @Test
    void aCrossSiteFormCannotSignTheVictimIntoAnotherAccount() throws Exception {
        String email = email();
        signUp(email);
        String creds = body("email", email, "password", PW);
        Http.Res forged = http.post("/auth/login", creds, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example");
        assertError(forged, 403, "csrf");
        assertTrue(forged.cookie(COOKIE).isEmpty());
        assertError(http.post("/auth/login", creds, "Origin", "https://evil.example"), 403, "csrf");
        assertError(http.post("/auth/login", creds, "Origin", "null"), 403, "csrf");
        assertError(http.post("/auth/signup", body("email", email(), "password", PW), "Sec-Fetch-Site", "cross-site"),
                403, "csrf");
        assertEquals(200, http.post("/auth/login", creds, "Sec-Fetch-Site", "same-origin").status());
        assertEquals(200, http.post("/auth/login", creds).status()); // no browser headers: not a forged page
    }

    @Test
    void everyRefusalIsAuditedWithTheCallerAndNeverTheCredential() throws Exception {
        try (AuditCapture capture = new AuditCapture()) {
            String email = email();
            String c = signUp(email);
            String id = http.get("/auth/me", cookie(c)).json().getJsonObject("user").getString("id");
            String raw = http.post("/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"*\"]}", cookie(c)).json().getString("token");
            http.post("/auth/login", body("email", email, "password", PW), "Sec-Fetch-Site", "cross-site");
            http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"a\"]}", "Authorization", "Bearer " + raw);
            http.get("/projects", "Accept", "application/json");
            List<String> lines = capture.lines();
            assertTrue(lines.stream().anyMatch(l -> l.contains("access.refused:403:csrf") && l.contains("who=anonymous")), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("access.refused:403:permission_denied POST /tokens")
                    && l.contains("who=" + id)), lines.toString());
            assertTrue(lines.stream().anyMatch(l -> l.contains("access.refused:401:auth_required GET /projects")), lines.toString());
            assertTrue(lines.stream().noneMatch(l -> l.contains(raw) || l.contains(c) || l.contains(PW)), lines.toString());
        }
    }

    @Test
    void sameSiteIsAnotherOriginUnlessTrusted() throws Exception {
        String c = signUp(email());
        assertError(http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c, "Sec-Fetch-Site", "same-site",
                "Origin", "https://sibling.example.test"), 403, "csrf");
        assertEquals(200, http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c,
                "Sec-Fetch-Site", "same-site", "Origin", TRUSTED).status());
        assertEquals(200, http.post("/auth/sessions/revoke-others", null, "Cookie", COOKIE + "=" + c,
                "Origin", TRUSTED).status());
    }

    @Test
    void crossSiteStateChangesToTheApplicationAreRefusedWithoutACookieToo() throws Exception {
        Http.Res page = http.post("/reports", null, "Sec-Fetch-Site", "cross-site", "Accept", "application/json");
        assertError(page, 403, "csrf");
        assertEquals(401, http.post("/reports", null, "Accept", "application/json").status());
    }

    @Test
    void slidingSessionResendsTheCookieWhenItsExpiryMoves() throws Exception {
        String c = signUp(email());
        assertTrue(http.get("/auth/me", cookie(c)).cookie(COOKIE).isEmpty());
        TestBeans.clock.advance(Duration.ofMinutes(5));
        Http.Res r = http.get("/auth/me", cookie(c));
        assertEquals(c, r.cookie(COOKIE).orElseThrow());
        assertTrue(r.setCookie(COOKIE).contains("Max-Age=2592000"));
        TestBeans.clock.advance(Duration.ofMinutes(5));
        Http.Res app = http.get("/whoami", cookie(c)); // an application response carrying the renewed cookie
        assertEquals(c, app.cookie(COOKIE).orElseThrow());
        assertEquals("no-store", app.header("Cache-Control").orElseThrow());
    }

    @Test
    void unknownPathsUnderThePrefixFallThrough() throws Exception {
        assertEquals(404, http.get("/auth/nothing-here").status());
    }

    @Test
    void badBearerOnAProtectedResourceIs401WithInvalidToken() throws Exception {
        Http.Res r = http.get("/admin", "Authorization", "Bearer gate_pat_nope");
        assertEquals(401, r.status());
        assertTrue(r.header("WWW-Authenticate").orElseThrow().contains("invalid_token"));
        assertEquals(401, http.get("/admin").status());
    }

    private String lastToken(String to, String prefix) {
        List<MailMessage> mine = outbox.messages().stream().filter(m -> m.to().equals(to)).toList();
        String body = mine.get(mine.size() - 1).body();
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)").matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
