package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.Mailer;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.FakePwnedPasswords;
import dev.gatehouse.testing.SoftAuthenticator;
import dev.gatehouse.testing.TestBeans;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link ErrorCode} can happen: each is provoked the way a client (or, for codes only Java
 * callers meet, an application) would, and answered with the code's status, the one error shape and
 * the refusal headers. A new code without a provocation here fails.
 */
class ErrorCodesReachableTest {

    private static final String PW = "tangerine-otter-42";
    /** The test app's origin ({@code publicBaseUrl}), for which the software authenticator signs. */
    private static final String ORIGIN = "http://app.example.test";

    /** Server settings a provocation needs; codes of one profile share a server. */
    private enum Profile {
        BASIC(b -> b.apiTokenMaxPerUser(1).maxRequestBytes(4096).rateLimitSignUpPerHour(1000)
                .mfaRequiredRoles(java.util.Set.of("staff"))),
        VERIFIED_EMAIL(b -> b.requireEmailVerified(true)),
        SIGN_IN_LIMIT(b -> b.rateLimitSignInPerHour(1)),
        SLOW_HASHING(b -> b.argonMemoryKib(65536).argonTimeCost(2).argonParallelism(1).hashingConcurrency(1)
                .hashingQueueTimeoutMillis(1).rateLimitSignUpPerHour(1000)),
        BREACH_CHECK(b -> b.breachedPasswordCheck(BreachedPasswordCheck.FAIL_CLOSED).breachedPasswordTimeoutMillis(10_000)),
        /** Strict mode without {@code secretKeys}: second-factor secrets cannot be sealed. */
        STRICT_WITHOUT_KEYS(b -> b.strict(true).cookieSecure(true).argonMemoryKib(7168).argonTimeCost(5)
                .publicBaseUrl("https://app.example.test")),
        /** Accounts may be created with a passkey and no password. */
        PASSWORDLESS(b -> b.passwordlessSignUp(true).rateLimitSignUpPerHour(1000)),
        /** Neither {@code publicBaseUrl} nor a passkey relying party: passkeys cannot be used. */
        NO_RELYING_PARTY(b -> b.publicBaseUrl(null)),
        /** An OpenID Connect provider nobody answers for (a closed loopback port). */
        OIDC_DOWN(b -> b.oidcProviders(List.of(new dev.gatehouse.config.OidcProviderSettings("down",
                "http://127.0.0.1:1/issuer", "app", null, null, true, null))));

        final UnaryOperator<AuthSettings.Builder> adjust;

        Profile(UnaryOperator<AuthSettings.Builder> adjust) {
            this.adjust = adjust;
        }
    }

    /** What came back: from HTTP, or from a Java call. */
    private record Seen(int status, String code, Http.Res res) {
    }

    private interface Provocation {
        Seen run() throws Exception;
    }

    private static final Map<ErrorCode, Provocation> PROVOKE = new EnumMap<>(ErrorCode.class);

    private static Profile profile;
    private static TestServer server;
    private static AuthSettings settings;
    private static Http http;
    private static FakePwnedPasswords pwned;

    static {
        on(ErrorCode.INVALID_REQUEST, () -> http(Profile.BASIC).post("/auth/login", "{}"));
        on(ErrorCode.AUTH_ERROR, () -> http(Profile.BASIC).post("/auth/signup", body("email", "not-an-email", "password", PW)));
        on(ErrorCode.INVALID_TOKEN, () -> http(Profile.BASIC).post("/auth/password/reset",
                body("token", "no-such-token", "newPassword", PW)));
        PROVOKE.put(ErrorCode.ROLE_NOT_FOUND, () -> {
            try (Gatehouse gh = Gatehouse.start(TestServer.settings().build(), Clock.systemUTC())) {
                String id = gh.auth().signUp(email(), null, PW, null, null).user().id();
                AuthException e = assertThrows(AuthException.class, () -> gh.roles().grantRole(id, "never-defined"));
                return new Seen(e.code().httpStatus(), e.code().wire(), null);
            }
        });
        on(ErrorCode.INVALID_CREDENTIALS, () -> http(Profile.BASIC).post("/auth/login",
                body("email", email(), "password", "wrong-password")));
        on(ErrorCode.AUTH_REQUIRED, () -> http(Profile.BASIC).get("/auth/sessions"));
        on(ErrorCode.MFA_REQUIRED, () -> {
            Http h = http(Profile.BASIC);
            Http.Res r = h.post("/auth/login", body("email", withApp(h).email(), "password", PW));
            assertTrue(r.json().containsKey("methods") && r.cookie("gatehouse_mfa").isPresent(), r.body());
            return r;
        });
        on(ErrorCode.INVALID_MFA_CODE, () -> {
            Http h = http(Profile.BASIC);
            WithApp account = withApp(h);
            String pending = h.post("/auth/login", body("email", account.email(), "password", PW)).cookie("gatehouse_mfa")
                    .orElseThrow();
            return h.post("/auth/mfa/verify", MfaSteps.code(MfaSteps.wrongCode(account.secret())),
                    "Cookie", "gatehouse_mfa=" + pending);
        });
        on(ErrorCode.MFA_CHALLENGE_INVALID, () -> http(Profile.BASIC).post("/auth/mfa/verify", MfaSteps.code("123456")));
        on(ErrorCode.EMAIL_NOT_VERIFIED, () -> {
            Http h = http(Profile.VERIFIED_EMAIL);
            String e = email();
            assertEquals(201, h.post("/auth/signup", body("email", e, "password", PW)).status());
            return h.post("/auth/login", body("email", e, "password", PW));
        });
        on(ErrorCode.ACCOUNT_DISABLED, () -> {
            Http h = http(Profile.BASIC);
            String e = email();
            String id = h.post("/auth/signup", body("email", e, "password", PW)).json().getJsonObject("user").getString("id");
            try (Gatehouse admin = Gatehouse.start(settings.toBuilder().runMigrations(false).build(), Clock.systemUTC())) {
                assertTrue(admin.admin().disableUser(id));
            }
            return h.post("/auth/login", body("email", e, "password", PW));
        });
        on(ErrorCode.PERMISSION_DENIED, () -> {
            Http h = http(Profile.BASIC);
            String cookie = session(h);
            String token = h.post("/auth/tokens", "{\"name\":\"t\",\"scopes\":[\"a\"]}", "Cookie", "gatehouse_session=" + cookie)
                    .json().getString("token");
            return h.get("/auth/sessions", "Authorization", "Bearer " + token); // a token may not manage the account
        });
        on(ErrorCode.REAUTH_REQUIRED, () -> {
            Http h = http(Profile.BASIC);
            String cookie = session(h);
            TestBeans.clock.advance(java.time.Duration.ofSeconds(301)); // past reauthWindowSeconds
            Http.Res r = h.post("/auth/tokens", "{\"name\":\"t\",\"scopes\":[\"a\"]}", "Cookie", "gatehouse_session=" + cookie);
            assertTrue(r.json().containsKey("methods"), r.body());
            return r;
        });
        on(ErrorCode.MFA_ENROLMENT_REQUIRED, () -> {
            Http h = http(Profile.BASIC);
            String e = email();
            String id = h.post("/auth/signup", body("email", e, "password", PW)).json().getJsonObject("user").getString("id");
            RoleService roles = CDI.current().select(RoleService.class).get();
            roles.defineRole("staff", List.of("reports.view"));
            roles.grantRole(id, "staff"); // mfaRequiredRoles: staff
            String cookie = h.post("/auth/login", body("email", e, "password", PW)).cookie("gatehouse_session").orElseThrow();
            return h.get("/auth/sessions", "Cookie", "gatehouse_session=" + cookie);
        });
        on(ErrorCode.CSRF, () -> http(Profile.BASIC).post("/auth/login", body("email", email(), "password", PW),
                "Origin", "https://elsewhere.example"));
        on(ErrorCode.NOT_FOUND, () -> http(Profile.BASIC).get("/auth/username-available?u=ada")); // email mode
        on(ErrorCode.METHOD_NOT_ALLOWED, () -> {
            Http.Res r = http(Profile.BASIC).post("/auth/me", "{}");
            assertEquals("GET", r.header("Allow").orElseThrow());
            return r;
        });
        on(ErrorCode.ACCOUNT_EXISTS, () -> {
            Http h = http(Profile.BASIC);
            String e = email();
            assertEquals(201, h.post("/auth/signup", body("email", e, "password", PW)).status());
            return h.post("/auth/signup", body("email", e, "password", PW));
        });
        on(ErrorCode.MFA_ALREADY_ENABLED, () -> {
            Http h = http(Profile.BASIC);
            return h.post("/auth/mfa/totp", null, "Cookie", "gatehouse_session=" + withApp(h).session());
        });
        on(ErrorCode.MFA_NOT_ENABLED, () -> {
            Http h = http(Profile.BASIC);
            return h.post("/auth/mfa/recovery-codes", null, "Cookie", "gatehouse_session=" + session(h));
        });
        on(ErrorCode.TOKEN_LIMIT_REACHED, () -> {
            Http h = http(Profile.BASIC);
            String[] cookie = {"Cookie", "gatehouse_session=" + session(h)};
            assertEquals(201, h.post("/auth/tokens", "{\"name\":\"a\",\"scopes\":[\"a\"]}", cookie).status());
            return h.post("/auth/tokens", "{\"name\":\"b\",\"scopes\":[\"a\"]}", cookie);
        });
        on(ErrorCode.PAYLOAD_TOO_LARGE, () -> http(Profile.BASIC).post("/auth/login",
                body("email", "x".repeat(5000), "password", PW)));
        on(ErrorCode.UNSUPPORTED_MEDIA_TYPE, () -> http(Profile.BASIC).send("POST", "/auth/login", null,
                "Content-Type", "text/plain"));
        on(ErrorCode.WEAK_PASSWORD, () -> http(Profile.BASIC).post("/auth/signup", body("email", email(), "password", "pw")));
        on(ErrorCode.RATE_LIMITED, () -> {
            Http h = http(Profile.SIGN_IN_LIMIT);
            String wrong = body("email", email(), "password", "wrong-password");
            assertEquals(401, h.post("/auth/login", wrong).status());
            return h.post("/auth/login", wrong);
        });
        on(ErrorCode.INTERNAL_ERROR, () -> { // a handler meets an IllegalArgumentException (here from the mailer)
            Http h = http(Profile.BASIC);
            Http.Res r = h.post("/auth/email/verify/request", "{}", "Cookie", "gatehouse_session=" + session(h, "bug"));
            assertFalse(r.body().contains("smtp.internal") || r.body().contains("IllegalArgument"), r.body());
            assertEquals(Map.of("ok", false, "error", "Something went wrong. Try again later.", "code", "internal_error"),
                    Map.of("ok", r.json().getBoolean("ok"), "error", r.json().getString("error"), "code", r.json().getString("code")));
            return r;
        });
        on(ErrorCode.UNAVAILABLE, () -> { // strict mode without SMTP: the built-in mailer is unavailable
            Http h = http(Profile.BASIC);
            return h.post("/auth/email/verify/request", "{}", "Cookie", "gatehouse_session=" + session(h, "down"));
        });
        on(ErrorCode.MFA_UNAVAILABLE, () -> {
            Http h = http(Profile.STRICT_WITHOUT_KEYS);
            String cookie = h.post("/auth/signup", body("email", email(), "password", PW)).cookie("__Host-gatehouse_session")
                    .orElseThrow();
            return h.post("/auth/mfa/totp", null, "Cookie", "__Host-gatehouse_session=" + cookie);
        });
        on(ErrorCode.PASSKEY_REJECTED, () -> { // a registration signed for another origin
            Http h = http(Profile.BASIC);
            String[] cookie = {"Cookie", "gatehouse_session=" + session(h)};
            String options = h.post("/auth/passkeys/register/options", "{}", cookie).body();
            String credential = new SoftAuthenticator().overrideOrigin("https://elsewhere.example").create(options, ORIGIN);
            return h.post("/auth/passkeys/register", PasskeyHttpSuite.credentialBody(credential, null), cookie);
        });
        on(ErrorCode.INVALID_PASSKEY, () -> { // a replayed assertion
            Http h = http(Profile.BASIC);
            String[] cookie = {"Cookie", "gatehouse_session=" + session(h)};
            SoftAuthenticator key = new SoftAuthenticator();
            String created = key.create(h.post("/auth/passkeys/register/options", "{}", cookie).body(), ORIGIN);
            assertEquals(201, h.post("/auth/passkeys/register", PasskeyHttpSuite.credentialBody(created, null), cookie).status());
            String assertion = PasskeyHttpSuite.credentialBody(key.get(h.post("/auth/passkeys/login/options", null).body(), ORIGIN), null);
            assertEquals(200, h.post("/auth/passkeys/login", assertion).status());
            return h.post("/auth/passkeys/login", assertion);
        });
        on(ErrorCode.LAST_SIGN_IN_METHOD, () -> { // the only passkey of an account without a password
            Http h = http(Profile.PASSWORDLESS);
            String options = h.post("/auth/passkeys/signup/options", body("email", email())).body();
            String credential = new SoftAuthenticator().create(options, ORIGIN);
            Http.Res up = h.post("/auth/passkeys/signup", PasskeyHttpSuite.credentialBody(credential, null));
            assertEquals(201, up.status(), up.body());
            String[] cookie = {"Cookie", "gatehouse_session=" + up.cookie("gatehouse_session").orElseThrow()};
            String id = h.get("/auth/passkeys", cookie).json().getJsonArray("passkeys").getJsonObject(0).getString("id");
            return h.send("DELETE", "/auth/passkeys/" + id, null, cookie);
        });
        on(ErrorCode.PASSKEYS_UNAVAILABLE, () -> http(Profile.NO_RELYING_PARTY).post("/auth/passkeys/login/options", null));
        on(ErrorCode.OIDC_PROVIDER_UNAVAILABLE, () -> http(Profile.OIDC_DOWN).get("/auth/oidc/down/start"));
        PROVOKE.put(ErrorCode.OIDC_FAILED, () -> { // a callback without the flow cookie: answered as a page
            Http.Res r = http(Profile.OIDC_DOWN).get("/auth/oidc/down/callback?code=c&state=s");
            assertTrue(r.header("Content-Type").orElse("").startsWith("text/html"), r.headers("Content-Type").toString());
            assertEquals("no-store", r.header("Cache-Control").orElse(null));
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<code id=code>([a-z_]+)</code>").matcher(r.body());
            assertTrue(m.find(), r.body());
            return new Seen(r.status(), m.group(1), null);
        });
        PROVOKE.put(ErrorCode.OIDC_LINK_REQUIRED, OidcProvocations::linkRequired);
        PROVOKE.put(ErrorCode.OVERLOADED, ErrorCodesReachableTest::overload);
        on(ErrorCode.BREACH_CHECK_UNAVAILABLE, () -> {
            Http h = http(Profile.BREACH_CHECK);
            pwned.answer(FakePwnedPasswords.Answer.STATUS_500);
            return h.post("/auth/signup", body("email", email(), "password", PW));
        });
    }

    /** Codes of the provider round trip, provoked through the Java API against a provider in this JVM. */
    private static final class OidcProvocations {
        static Seen linkRequired() throws Exception {
            no.nav.security.mock.oauth2.MockOAuth2Server provider = new no.nav.security.mock.oauth2.MockOAuth2Server();
            provider.start();
            try (Gatehouse gh = Gatehouse.start(TestServer.settings().oidcProviders(List.of(new dev.gatehouse.config.OidcProviderSettings(
                    "corp", provider.issuerUrl("corp").toString(), "app", null, null, true, null))).build(), Clock.systemUTC())) {
                String email = email();
                gh.auth().signUp(email, null, PW, null, null); // an account whose email nobody confirmed
                dev.gatehouse.oidc.OidcStart start = gh.oidc().start("corp", null, null);
                provider.enqueueCallback(new no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback("corp", "sub",
                        "JWT", List.of("app"), Map.of("email", email, "email_verified", true), 300));
                Map<String, String> back = dev.gatehouse.OidcSuite.authorize(start);
                AuthException e = assertThrows(AuthException.class, () -> gh.oidc().finish("corp", start.flow(), back, null, null, null));
                return new Seen(e.code().httpStatus(), e.code().wire(), null);
            } finally {
                provider.shutdown();
            }
        }
    }

    private interface HttpCall {
        Http.Res run() throws Exception;
    }

    private static void on(ErrorCode code, HttpCall call) {
        PROVOKE.put(code, () -> {
            Http.Res r = call.run();
            return new Seen(r.status(), r.json().getString("code"), r);
        });
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeIsProvokedAndAnsweredWithItsStatus(ErrorCode code) throws Exception {
        Provocation p = PROVOKE.get(code);
        assertNotNull(p, "no provocation for " + code.wire() + ": add one");
        Seen seen = p.run();
        assertEquals(code.wire(), seen.code(), seen.res() == null ? "" : seen.res().body());
        assertEquals(code.httpStatus(), seen.status());
        if (seen.res() != null) {
            Http.Res r = seen.res();
            assertFalse(r.json().getBoolean("ok"));
            assertEquals("no-store", r.header("Cache-Control").orElse(null));
            assertEquals("nosniff", r.header("X-Content-Type-Options").orElse(null));
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/json"));
            boolean retry = code == ErrorCode.RATE_LIMITED || code.httpStatus() == 503;
            assertEquals(retry, r.header("Retry-After").isPresent(), "Retry-After on " + code.wire());
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
    }

    /** Sign-ups race for one hashing slot with a 1 ms queue: some are turned away as overloaded. */
    private static Seen overload() throws Exception {
        Http h = http(Profile.SLOW_HASHING);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 5; round++) {
                List<Future<Http.Res>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    answers.add(pool.submit(() -> h.post("/auth/signup", body("email", email(), "password", PW))));
                }
                Http.Res turnedAway = null;
                for (Future<Http.Res> f : answers) { // every answer is awaited: none may still run when the server stops
                    Http.Res r = f.get(60, TimeUnit.SECONDS);
                    if (r.status() == 503) {
                        turnedAway = r;
                    }
                }
                if (turnedAway != null) {
                    return new Seen(turnedAway.status(), turnedAway.json().getString("code"), turnedAway);
                }
            }
            throw new AssertionError("30 concurrent sign-ups never met a saturated hashing lane");
        } finally {
            pool.shutdownNow();
        }
    }

    /** An account with a confirmed authenticator app: its address, the app's secret and a session. */
    private record WithApp(String email, String secret, String session) {
    }

    private static WithApp withApp(Http h) throws Exception {
        String e = email();
        String cookie = h.post("/auth/signup", body("email", e, "password", PW)).cookie("gatehouse_session").orElseThrow();
        return new WithApp(e, MfaSteps.enrol(h, "Cookie", "gatehouse_session=" + cookie).secret(), cookie);
    }

    private static String email() {
        return "e" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static String session(Http h) throws Exception {
        return session(h, "u");
    }

    /** A new account's session cookie; the mailer treats its address by the prefix. */
    private static String session(Http h, String prefix) throws Exception {
        Http.Res up = h.post("/auth/signup", body("email", prefix + email(), "password", PW));
        assertEquals(201, up.status(), up.body());
        return up.cookie("gatehouse_session").orElseThrow();
    }

    /** Mail to "bug…" fails with a programming error, to "down…" as unavailable; the rest goes to an outbox. */
    private static final Mailer MAILER = new Mailer() {
        private final DevOutboxMailer outbox = new DevOutboxMailer();

        @Override
        public void send(dev.gatehouse.mail.MailMessage message) {
            if (message.to().startsWith("bug")) {
                throw new IllegalArgumentException("smtp.internal.example:25 refused " + message.to());
            }
            if (message.to().startsWith("down")) {
                throw GatehouseUnavailableException.unavailable("Email delivery is not configured.", 60, null);
            }
            outbox.send(message);
        }
    };

    /** The server of the profile, booted when another profile's is running (one at a time: TestBeans is shared). */
    private static Http http(Profile p) throws Exception {
        if (p != profile) {
            stop();
            if (p == Profile.BREACH_CHECK) {
                pwned = FakePwnedPasswords.start();
            }
            AuthSettings.Builder b = p.adjust.apply(TestServer.settings());
            if (pwned != null) {
                b.breachedPasswordApiUrl(pwned.baseUrl());
            }
            settings = b.build();
            TestBeans.mailer = MAILER;
            server = TestServer.start(TestServer.Mode.FILTER, settings);
            http = new Http(server.base());
            profile = p;
        }
        return http;
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
            profile = null;
        }
        if (pwned != null) {
            pwned.close();
            pwned = null;
        }
    }
}
