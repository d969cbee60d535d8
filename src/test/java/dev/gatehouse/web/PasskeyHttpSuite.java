package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.assertError;
import static dev.gatehouse.web.HttpApiSuite.body;
import static dev.gatehouse.web.HttpApiSuite.email;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.SoftAuthenticator;
import dev.gatehouse.testing.TestBeans;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Passkeys black-box over HTTP (issue 15): the rows of {@code /auth/passkeys}, sign-in and
 * re-authentication with one, through a {@link SoftAuthenticator} that signs for the test app's
 * origin ({@code publicBaseUrl}); one subclass per integration mode. Every exchange is checked
 * against the OpenAPI document by {@link Http}.
 */
public abstract class PasskeyHttpSuite extends RestartableServerSuite {

    static final String PW = HttpApiSuite.PW;
    static final String SESSION = "gatehouse_session";
    static final String PENDING = "gatehouse_mfa";
    static final String DEVICE = "gatehouse_device";
    static final String ORIGIN = "http://app.example.test";
    static final String RP_ID = "app.example.test";
    static final String STAFF = "staff";
    /** A body of the documented shape whose credential verifies nowhere. */
    static final String DUMMY = "{\"credential\":{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}}";

    @BeforeAll
    void boot() throws Exception {
        TestBeans.mailer = new DevOutboxMailer();
        TestBeans.clock.set(MutableClock.T0);
        settings = base().build();
        startOwnServer();
        CDI.current().select(RoleService.class).get().defineRole(STAFF, List.of("reports.view"));
    }

    private static AuthSettings.Builder base() {
        return TestServer.settings().rateLimitSignInPerHour(1000).rateLimitSignUpPerHour(1000).publicBaseUrl(ORIGIN)
                .enablePasskeys(true).mfaRequiredRoles(Set.of(STAFF));
    }

    // --- register, list, rename, delete ----------------------------------------------------

    @Test
    void aRecentSessionRegistersListsRenamesAndDeletesAPasskey() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();

        Http.Res options = browser.post(http, "/auth/passkeys/register/options", "{}");
        assertEquals(200, options.status(), options.body());
        JsonObject o = options.json();
        assertFalse(o.containsKey("ok"), "the options object itself: " + options.body());
        assertEquals(RP_ID, o.getJsonObject("rp").getString("id"));
        assertTrue(o.getString("challenge").matches("[A-Za-z0-9_-]{16,}"), o.getString("challenge"));
        assertEquals("no-store", options.header("Cache-Control").orElseThrow());

        Http.Res created = browser.post(http, "/auth/passkeys/register",
                credentialBody(key.create(options.body(), ORIGIN), "Laptop"));
        assertEquals(201, created.status(), created.body());
        JsonObject view = created.json().getJsonObject("passkey");
        assertEquals("Laptop", view.getString("name"));
        assertTrue(view.isNull("lastUsedAt"));
        assertEquals(TestBeans.clock.instant(), Instant.parse(view.getString("createdAt")));
        assertFalse(created.body().contains(key.last().id()), "the credential id stays on the server");
        String id = view.getString("id");

        Http.Res list = browser.get(http, "/auth/passkeys");
        assertEquals(200, list.status(), list.body());
        assertEquals(List.of(id), ids(list));

        Http.Res renamed = browser.send(http, "PATCH", "/auth/passkeys/" + id, body("name", "Work laptop"));
        assertEquals(200, renamed.status(), renamed.body());
        assertEquals("Work laptop", renamed.json().getJsonObject("passkey").getString("name"));
        assertEquals("Work laptop", browser.get(http, "/auth/passkeys").json().getJsonArray("passkeys")
                .getJsonObject(0).getString("name"));
        assertError(browser.send(http, "PATCH", "/auth/passkeys/no-such-id", body("name", "x")), 404, "not_found");
        assertError(browser.send(http, "PATCH", "/auth/passkeys/" + id, "{}"), 400, "invalid_request");

        Http.Res removed = browser.send(http, "DELETE", "/auth/passkeys/" + id, null);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().getBoolean("removed"));
        assertEquals(List.of(), ids(browser.get(http, "/auth/passkeys")));
        assertError(browser.send(http, "DELETE", "/auth/passkeys/" + id, null), 404, "not_found");
    }

    @Test
    void anotherUsersPasskeyIsNotFound() throws Exception {
        CookieJar owner = signUp(email());
        String id = register(owner, new SoftAuthenticator(), "Mine");
        CookieJar other = signUp(email());
        assertError(other.send(http, "PATCH", "/auth/passkeys/" + id, body("name", "Stolen")), 404, "not_found");
        assertError(other.send(http, "DELETE", "/auth/passkeys/" + id, null), 404, "not_found");
        assertEquals(List.of(), ids(other.get(http, "/auth/passkeys")));
        assertEquals(List.of(id), ids(owner.get(http, "/auth/passkeys")));
    }

    @Test
    void registeringNeedsARecentSessionAndACredentialObject() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();
        String options = browser.post(http, "/auth/passkeys/register/options", null).body();
        assertError(browser.post(http, "/auth/passkeys/register", "{}"), 400, "invalid_request");
        assertError(browser.post(http, "/auth/passkeys/register", "{\"credential\":\"text\"}"), 400, "invalid_request");
        Http.Res missing = browser.post(http, "/auth/passkeys/register", "{\"credential\":[]}");
        assertError(missing, 400, "invalid_request");
        assertTrue(missing.json().getString("error").contains("credential"), missing.body());

        TestBeans.clock.advance(Duration.ofSeconds(301)); // reauthWindowSeconds: 300
        assertError(browser.post(http, "/auth/passkeys/register/options", "{}"), 403, "reauth_required");
        assertError(browser.post(http, "/auth/passkeys/register", credentialBody(key.create(options, ORIGIN), null)),
                403, "reauth_required");
        assertError(http.post("/auth/passkeys/register/options", "{}"), 401, "auth_required");
        assertError(http.get("/auth/passkeys"), 401, "auth_required");
    }

    @Test
    void aRegistrationFromAnotherOriginIsRejected() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator().overrideOrigin("http://evil.example.test");
        String options = browser.post(http, "/auth/passkeys/register/options", "{}").body();
        assertError(browser.post(http, "/auth/passkeys/register", credentialBody(key.create(options, ORIGIN), null)),
                400, "passkey_rejected");
        assertEquals(List.of(), ids(browser.get(http, "/auth/passkeys")));
    }

    @Test
    void aSessionThatMayOnlyEnrolRegistersAPasskeyAndBecomesAFullSession() throws Exception {
        String e = email();
        String id = signUp(e).get(http, "/auth/me").json().getJsonObject("user").getString("id");
        CDI.current().select(RoleService.class).get().grantRole(id, STAFF); // mfaRequiredRoles: staff

        CookieJar browser = new CookieJar();
        Http.Res in = browser.post(http, "/auth/login", body("email", e, "password", PW));
        assertEquals(200, in.status(), in.body());
        assertTrue(in.json().getBoolean("mfaEnrolmentRequired"));
        assertError(browser.get(http, "/auth/passkeys"), 403, "mfa_enrolment_required");

        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, "Phone");
        JsonObject me = browser.get(http, "/auth/me").json();
        assertEquals(e, me.getJsonObject("user").getString("email"));
        assertFalse(me.containsKey("mfaEnrolmentRequired"), me.toString());
        assertEquals(200, browser.get(http, "/auth/sessions").status());
        assertEquals(1, ids(browser.get(http, "/auth/passkeys")).size());
    }

    // --- sign-in ---------------------------------------------------------------------------

    @Test
    void aDiscoverableSignInOpensANewSessionThatResolves() throws Exception {
        String e = email();
        CookieJar browser = signUp(e);
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, "Phone");
        String before = browser.get(SESSION);

        Http.Res options = browser.post(http, "/auth/passkeys/login/options", null);
        assertEquals(200, options.status(), options.body());
        assertEquals(RP_ID, options.json().getString("rpId"));
        assertTrue(SoftAuthenticator.credentialIds(options.body(), "allowCredentials").isEmpty(), options.body());

        Http.Res in = browser.post(http, "/auth/passkeys/login", credentialBody(key.get(options.body(), ORIGIN), null));
        assertEquals(200, in.status(), in.body());
        assertEquals(e, in.json().getJsonObject("user").getString("email"));
        assertTrue(in.cookie(SESSION).isPresent() && in.cookie(DEVICE).isPresent(), in.headers("Set-Cookie").toString());
        assertNotEquals(before, browser.get(SESSION), "a new session id on every sign-in");
        assertTrue(http.get("/auth/me", cookie(before)).json().isNull("user"), "the session the request carried ended");

        JsonObject me = browser.get(http, "/auth/me").json();
        assertEquals(e, me.getJsonObject("user").getString("email"));
        assertEquals(Set.of("passkey"), strings(me.getJsonObject("authentication"), "factors"));
        assertFalse(browser.get(http, "/auth/passkeys").json().getJsonArray("passkeys").getJsonObject(0).isNull("lastUsedAt"));

        CookieJar fresh = new CookieJar(); // anonymous, no cookie at all
        Http.Res second = fresh.post(http, "/auth/passkeys/login",
                credentialBody(key.get(fresh.post(http, "/auth/passkeys/login/options", "{}").body(), ORIGIN), null));
        assertEquals(200, second.status(), second.body());
        assertEquals(e, fresh.get(http, "/auth/me").json().getJsonObject("user").getString("email"));
    }

    @Test
    void aReplayedAssertionAndAnotherOriginAreRefused() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, null);

        String assertion = credentialBody(key.get(http.post("/auth/passkeys/login/options", null).body(), ORIGIN), null);
        assertEquals(200, http.post("/auth/passkeys/login", assertion).status());
        Http.Res replay = http.post("/auth/passkeys/login", assertion);
        assertError(replay, 401, "invalid_passkey");
        assertTrue(replay.header("WWW-Authenticate").orElseThrow().startsWith("Bearer "), replay.headers("WWW-Authenticate").toString());
        assertTrue(replay.cookie(SESSION).isEmpty());

        key.overrideOrigin("http://evil.example.test");
        Http.Res wrong = http.post("/auth/passkeys/login",
                credentialBody(key.get(http.post("/auth/passkeys/login/options", null).body(), ORIGIN), null));
        assertError(wrong, 401, "invalid_passkey");
        assertTrue(wrong.cookie(SESSION).isEmpty());

        assertError(http.post("/auth/passkeys/login", "{}"), 400, "invalid_request");
        assertError(http.post("/auth/passkeys/login", "{\"credential\":null}"), 400, "invalid_request");
    }

    @Test
    void malformedCredentialsAreRefusedNeverAFault() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, null);
        List<String> hostile = List.of(
                "{\"id\":\"!!\",\"rawId\":\"!!\",\"type\":\"public-key\",\"response\":{}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"%%%\","
                        + "\"authenticatorData\":\"\",\"signature\":\"\",\"userHandle\":null,\"attestationObject\":7}}",
                "{\"id\":\"" + "A".repeat(2000) + "\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":[]}}",
                SoftAuthenticator.withField(key.get(http.post("/auth/passkeys/login/options", null).body(), ORIGIN),
                        "response.clientDataJSON", "eyJ0eXBlIjoxfQ"));
        for (String c : hostile) {
            String wrapped = "{\"credential\":" + c + "}";
            assertError(http.post("/auth/passkeys/login", wrapped), 401, "invalid_passkey");
            assertError(browser.post(http, "/auth/passkeys/register", wrapped), 400, "passkey_rejected");
            assertError(browser.post(http, "/auth/reauth", "{\"method\":\"passkey\",\"credential\":" + c + "}"),
                    401, "invalid_passkey");
        }
    }

    @Test
    void aCrossSitePasskeySignInIsRefused() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, null);
        String assertion = credentialBody(key.get(http.post("/auth/passkeys/login/options", null).body(), ORIGIN), null);
        assertError(http.post("/auth/passkeys/login", assertion, "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertError(http.post("/auth/passkeys/login", assertion, "Origin", "https://evil.example"), 403, "csrf");
        assertError(http.post("/auth/passkeys/login/options", null, "Origin", "https://evil.example"), 403, "csrf");
        assertError(browser.post(http, "/auth/passkeys/register/options", "{}", "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertEquals(200, http.post("/auth/passkeys/login", assertion, "Sec-Fetch-Site", "same-origin").status(),
                "the refused posts did not use the challenge");
    }

    @Test
    void aPasskeySignInEndsAPendingSecondFactorSignIn() throws Exception {
        String e = email();
        CookieJar browser = signUp(e);
        MfaSteps.enrol(http, browser);
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, null);

        CookieJar next = new CookieJar();
        assertError(next.post(http, "/auth/login", body("email", e, "password", PW)), 401, "mfa_required");
        assertTrue(next.has(PENDING));
        Http.Res options = next.post(http, "/auth/passkeys/login/options", null);
        assertEquals(200, options.status(), options.body());
        Http.Res in = next.post(http, "/auth/passkeys/login", credentialBody(key.get(options.body(), ORIGIN), null));
        assertEquals(200, in.status(), in.body());
        assertTrue(in.setCookie(PENDING).contains("Max-Age=0"), in.setCookie(PENDING));
        assertFalse(next.has(PENDING), "the pending cookie is deleted");
        assertEquals(Set.of("passkey"), strings(next.get(http, "/auth/me").json().getJsonObject("authentication"), "factors"));
    }

    // --- re-authentication -----------------------------------------------------------------

    @Test
    void aPasskeyReauthenticatesForASensitiveRow() throws Exception {
        CookieJar browser = signUp(email());
        SoftAuthenticator key = new SoftAuthenticator();
        register(browser, key, null);
        String token = "{\"name\":\"ci\",\"scopes\":[\"a\"]}";
        TestBeans.clock.advance(Duration.ofSeconds(301)); // reauthWindowSeconds: 300
        Http.Res stale = browser.post(http, "/auth/tokens", token);
        assertError(stale, 403, "reauth_required");

        Http.Res options = browser.post(http, "/auth/passkeys/reauth/options", "{}");
        assertEquals(200, options.status(), options.body());
        assertEquals(List.of(key.last().id()), SoftAuthenticator.credentialIds(options.body(), "allowCredentials"));
        assertError(browser.post(http, "/auth/reauth", body("method", "passkey")), 400, "invalid_request");
        Http.Res again = browser.post(http, "/auth/reauth", reauthBody(key.get(options.body(), ORIGIN)));
        assertEquals(200, again.status(), again.body());
        assertEquals(201, browser.post(http, "/auth/tokens", token).status());

        TestBeans.clock.advance(Duration.ofSeconds(301));
        assertError(browser.post(http, "/auth/passkeys/register/options", "{}"), 403, "reauth_required");
        Http.Res bad = browser.post(http, "/auth/reauth", reauthBody(SoftAuthenticator.withField(
                key.get(browser.post(http, "/auth/passkeys/reauth/options", null).body(), ORIGIN), "response.signature", "AAAA")));
        assertError(bad, 401, "invalid_passkey");
        assertError(browser.post(http, "/auth/tokens", token), 403, "reauth_required");
    }

    // --- callers ---------------------------------------------------------------------------

    @Test
    void anApiTokenCannotUseThePasskeyRows() throws Exception {
        CookieJar browser = signUp(email());
        Http.Res created = browser.post(http, "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"*\"]}");
        assertEquals(201, created.status(), created.body());
        String[] bearer = {"Authorization", "Bearer " + created.json().getString("token")};
        assertError(http.post("/auth/passkeys/register/options", "{}", bearer), 403, "permission_denied");
        assertError(http.post("/auth/passkeys/register", DUMMY, bearer), 403, "permission_denied");
        assertError(http.get("/auth/passkeys", bearer), 403, "permission_denied");
        assertError(http.send("PATCH", "/auth/passkeys/x", body("name", "y"), bearer), 403, "permission_denied");
        assertError(http.send("DELETE", "/auth/passkeys/x", null, bearer), 403, "permission_denied");
        assertError(http.post("/auth/passkeys/reauth/options", null, bearer), 403, "permission_denied");
    }

    // --- settings --------------------------------------------------------------------------

    @Test
    void everyPasskeyRowIs404WhenPasskeysAreOff() throws Exception {
        try (Variant v = variant(base().enablePasskeys(false).build())) {
            for (String path : List.of("/auth/passkeys/register/options", "/auth/passkeys/register", "/auth/passkeys/login/options",
                    "/auth/passkeys/login", "/auth/passkeys/reauth/options", "/auth/passkeys/signup/options",
                    "/auth/passkeys/signup")) {
                assertError(v.http.post(path, path.endsWith("options") ? "{}" : DUMMY), 404, "not_found");
            }
            assertError(v.http.get("/auth/passkeys"), 404, "not_found");
            assertError(v.http.send("PATCH", "/auth/passkeys/abc", body("name", "x")), 404, "not_found");
            assertError(v.http.send("DELETE", "/auth/passkeys/abc", null), 404, "not_found");
        }
    }

    @Test
    void anAccountCreatedWithAPasskeySignsInAndKeepsItsLastPasskey() throws Exception {
        try (Variant v = variant(base().passwordlessSignUp(true).build())) {
            String e = email();
            CookieJar browser = new CookieJar();
            SoftAuthenticator key = new SoftAuthenticator();
            Http.Res options = browser.post(v.http, "/auth/passkeys/signup/options", body("email", e));
            assertEquals(200, options.status(), options.body());
            assertEquals(e, options.json().getJsonObject("user").getString("name"));
            assertError(v.http.post("/auth/passkeys/signup", "{\"name\":\"x\"}"), 400, "invalid_request");
            Http.Res up = browser.post(v.http, "/auth/passkeys/signup", credentialBody(key.create(options.body(), ORIGIN), "Phone"));
            assertEquals(201, up.status(), up.body());
            assertEquals(e, up.json().getJsonObject("user").getString("email"));
            assertTrue(up.cookie(SESSION).isPresent() && up.cookie(DEVICE).isPresent(), up.headers("Set-Cookie").toString());
            assertEquals(e, browser.get(v.http, "/auth/me").json().getJsonObject("user").getString("email"));
            assertError(v.http.post("/auth/login", body("email", e, "password", PW)), 401, "invalid_credentials");

            Http.Res list = browser.get(v.http, "/auth/passkeys");
            assertEquals("Phone", list.json().getJsonArray("passkeys").getJsonObject(0).getString("name"));
            assertError(browser.send(v.http, "DELETE", "/auth/passkeys/" + ids(list).get(0), null), 409, "last_sign_in_method");
            assertError(v.http.post("/auth/passkeys/signup/options", body("email", e)), 409, "account_exists");
        }
    }

    @Test
    void aPasskeySignUpThatMustConfirmItsEmailOpensNoSession() throws Exception {
        try (Variant v = variant(base().passwordlessSignUp(true).requireEmailVerified(true).build())) {
            String e = email();
            SoftAuthenticator key = new SoftAuthenticator();
            String options = v.http.post("/auth/passkeys/signup/options", body("email", e)).body();
            Http.Res up = v.http.post("/auth/passkeys/signup", credentialBody(key.create(options, ORIGIN), null));
            assertEquals(201, up.status(), up.body()); // as POST /signup answers
            assertTrue(up.json().getBoolean("verificationRequired"));
            assertTrue(up.cookie(SESSION).isEmpty(), up.headers("Set-Cookie").toString());
            Http.Res in = v.http.post("/auth/passkeys/login",
                    credentialBody(key.get(v.http.post("/auth/passkeys/login/options", null).body(), ORIGIN), null));
            assertError(in, 403, "email_not_verified");
        }
    }

    @Test
    void passkeySignInAndItsOptionsAreRateLimitedPerAddress() throws Exception {
        try (Variant v = variant(base().rateLimitSignInPerHour(2).build())) {
            for (int i = 0; i < 2; i++) {
                assertError(v.http.post("/auth/passkeys/login", DUMMY), 401, "invalid_passkey");
            }
            Http.Res limited = v.http.post("/auth/passkeys/login", DUMMY);
            assertError(limited, 429, "rate_limited");
            assertTrue(limited.header("Retry-After").isPresent(), limited.headers("Retry-After").toString());

            // Options are asked for on every sign-in page load: ten times the sign-in budget, then refused too.
            for (int i = 0; i < 20; i++) {
                assertEquals(200, v.http.post("/auth/passkeys/login/options", null).status(), "options call " + (i + 1));
            }
            assertError(v.http.post("/auth/passkeys/login/options", null), 429, "rate_limited");
        }
    }

    @Test
    void withoutARelyingPartyPasskeysAreUnavailable() throws Exception {
        try (Variant v = variant(base().publicBaseUrl(null).build())) {
            Http.Res r = v.http.post("/auth/passkeys/login/options", null);
            assertError(r, 503, "passkeys_unavailable");
            assertTrue(r.header("Retry-After").isPresent());
            assertError(v.http.post("/auth/passkeys/login", DUMMY), 503, "passkeys_unavailable");
            CookieJar browser = new CookieJar();
            assertEquals(201, browser.post(v.http, "/auth/signup", body("email", email(), "password", PW)).status());
            assertError(browser.post(v.http, "/auth/passkeys/register/options", "{}"), 503, "passkeys_unavailable");
            assertEquals(List.of(), ids(browser.get(v.http, "/auth/passkeys")), "stored passkeys can still be listed");
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** Signs up through a new jar, which then holds the (recent) session. */
    CookieJar signUp(String email) throws Exception {
        CookieJar jar = new CookieJar();
        Http.Res r = jar.post(http, "/auth/signup", body("email", email, "password", PW));
        assertEquals(201, r.status(), r.body());
        return jar;
    }

    /** Registers a passkey of {@code key} for the jar's session: its Gatehouse id. */
    String register(CookieJar browser, SoftAuthenticator key, String name) throws Exception {
        Http.Res options = browser.post(http, "/auth/passkeys/register/options", "{}");
        assertEquals(200, options.status(), options.body());
        Http.Res created = browser.post(http, "/auth/passkeys/register", credentialBody(key.create(options.body(), ORIGIN), name));
        assertEquals(201, created.status(), created.body());
        return created.json().getJsonObject("passkey").getString("id");
    }

    static String credentialBody(String credentialJson, String name) {
        var b = Json.createObjectBuilder().add("credential", parse(credentialJson));
        if (name != null) {
            b.add("name", name);
        }
        return b.build().toString();
    }

    static String reauthBody(String credentialJson) {
        return Json.createObjectBuilder().add("method", "passkey").add("credential", parse(credentialJson)).build().toString();
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    static List<String> ids(Http.Res list) {
        assertEquals(200, list.status(), list.body());
        return list.json().getJsonArray("passkeys").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    static String[] cookie(String session) {
        return new String[] {"Cookie", SESSION + "=" + session};
    }

    static Set<String> strings(JsonObject o, String key) {
        return Set.copyOf(o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }
}
