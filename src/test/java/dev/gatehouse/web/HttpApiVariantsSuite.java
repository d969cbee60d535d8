package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.assertError;
import static dev.gatehouse.web.HttpApiSuite.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.testing.FakePwnedPasswords;
import dev.gatehouse.testing.TestBeans;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** API behaviour that depends on settings: each test boots its own server. */
public abstract class HttpApiVariantsSuite {

    static final String PW = "tangerine-otter-42";

    TestServer server;

    protected abstract TestServer.Mode mode();

    Http boot(UnaryOperator<AuthSettings.Builder> adjust) throws Exception {
        server = TestServer.start(mode(), adjust.apply(TestServer.settings()).build());
        return new Http(server.base());
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void signUpDisabledIs404AndLoginStillWorks() throws Exception {
        Http http = boot(b -> b.enableSignup(false));
        assertError(http.post("/auth/signup", body("email", "a@b.com", "password", PW)), 404, "not_found");
        assertError(http.post("/auth/login", body("email", "a@b.com", "password", PW)), 401, "invalid_credentials");
    }

    @Test
    void credentialsApiOffLeavesLoginToTheApplication() throws Exception {
        Http http = boot(b -> b.enableCredentialsApi(false));
        Http.Res r = http.post("/auth/login", body("email", "a@b.com", "password", PW));
        assertTrue(r.status() == 404 || r.status() == 405, String.valueOf(r.status())); // the application's own answer
        assertFalse(r.body().contains("invalid_credentials"));
        assertEquals(200, http.get("/auth/me").status());
    }

    @Test
    void requiredVerificationOpensNoSessionUntilTheLinkIsUsed() throws Exception {
        DevOutboxMailer outbox = new DevOutboxMailer();
        TestBeans.mailer = outbox;
        Http http = boot(b -> b.requireEmailVerified(true));
        Http.Res up = http.post("/auth/signup", body("email", "v@b.com", "password", PW));
        assertEquals(201, up.status(), up.body());
        assertTrue(up.json().getBoolean("verificationRequired"));
        assertTrue(up.cookie("gatehouse_session").isEmpty(), "no session before the email is confirmed");
        assertError(http.post("/auth/login", body("email", "v@b.com", "password", PW)), 403, "email_not_verified");
        assertEquals(202, http.post("/auth/email/verify/request", body("email", "v@b.com")).status());
        assertEquals(202, http.post("/auth/email/verify/request", body("email", "ghost@b.com")).status());
        List<MailMessage> mails = outbox.messages().stream().filter(m -> m.to().equals("v@b.com")).toList();
        assertEquals(2, mails.size(), "one link at sign-up, one on request");
        assertTrue(outbox.messages().stream().noneMatch(m -> m.to().equals("ghost@b.com")));
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]+)").matcher(mails.get(1).body());
        assertTrue(token.find());
        assertEquals(200, http.post("/auth/email/verify", body("token", token.group(1))).status());
        assertEquals(200, http.post("/auth/login", body("email", "v@b.com", "password", PW)).status());
    }

    @Test
    void rateLimitIs429WithRetryAfter() throws Exception {
        Http http = boot(b -> b.rateLimitSignInPerHour(2));
        for (int i = 0; i < 2; i++) {
            assertError(http.post("/auth/login", body("email", "a@b.com", "password", "wrong-password")), 401, "invalid_credentials");
        }
        Http.Res limited = http.post("/auth/login", body("email", "a@b.com", "password", "wrong-password"));
        assertError(limited, 429, "rate_limited");
        long retry = Long.parseLong(limited.header("Retry-After").orElseThrow());
        assertTrue(retry >= 1 && retry <= 3600, String.valueOf(retry));
    }

    @Test
    void ipv6ClientsCountPerSlash64BehindATrustedProxy() throws Exception {
        Http http = boot(b -> b.rateLimitSignInPerHour(1).trustedProxies(Set.of("127.0.0.0/8", "::1")));
        assertEquals(401, http.post("/auth/login", body("email", "a@b.com", "password", "wrong-password"),
                "X-Forwarded-For", "2001:db8:5:6::1").status());
        // another address of the same /64 (a client rotating its interface id) is the same caller
        assertEquals(429, http.post("/auth/login", body("email", "c@d.com", "password", "wrong-password"),
                "X-Forwarded-For", "2001:db8:5:6:dead:beef:0:2").status());
        assertEquals(401, http.post("/auth/login", body("email", "e@f.com", "password", "wrong-password"),
                "X-Forwarded-For", "2001:db8:5:7::1").status());
    }

    @Test
    void aSecureCookieIsNamedWithTheHostPrefixAndWorksUnderThatName() throws Exception {
        Http http = boot(b -> b.cookieSecure(true));
        Http.Res up = http.post("/auth/signup", body("email", "ada@example.com", "password", PW));
        assertEquals(201, up.status(), up.body());
        String header = up.header("Set-Cookie").orElseThrow();
        assertTrue(header.startsWith("__Host-gatehouse_session="), header);
        assertTrue(header.contains("; Path=/") && header.contains("; Secure") && !header.toLowerCase().contains("domain="), header);
        String value = header.substring("__Host-gatehouse_session=".length(), header.indexOf(';'));
        Http.Res me = http.get("/auth/me", "Cookie", "__Host-gatehouse_session=" + value);
        assertEquals("ada@example.com", me.json().getJsonObject("user").getString("email"), me.body());
        Http.Res unprefixed = http.get("/auth/me", "Cookie", "gatehouse_session=" + value);
        assertTrue(unprefixed.json().isNull("user"), unprefixed.body()); // the name without the prefix is not read
    }

    @Test
    void aLoneSurrogateOrAZeroWidthCharacterIs400WithTheReason() throws Exception {
        Http http = boot(b -> b);
        Http.Res pw = http.post("/auth/signup", "{\"email\":\"ada@example.com\",\"password\":\"tangerine-\\ud800-otter\"}");
        assertError(pw, 400, "auth_error");
        assertTrue(pw.json().getString("error").contains("surrogate"), pw.body());
        Http.Res mail = http.post("/auth/signup", "{\"email\":\"ada\\u200b@example.com\",\"password\":\"" + PW + "\"}");
        assertError(mail, 400, "auth_error");
        assertTrue(mail.json().getString("error").contains("valid email"), mail.body());
        assertError(http.post("/auth/login", "{\"email\":\"ada\\u200b@example.com\",\"password\":\"" + PW + "\"}"), 401,
                "invalid_credentials");
    }

    @Test
    void aDisabledAccountIs403AccountDisabledAtSignIn() throws Exception {
        AuthSettings settings = TestServer.settings().build();
        server = TestServer.start(mode(), settings);
        Http http = new Http(server.base());
        Http.Res up = http.post("/auth/signup", body("email", "ada@example.com", "password", PW));
        String id = up.json().getJsonObject("user").getString("id");
        try (dev.gatehouse.Gatehouse admin = dev.gatehouse.Gatehouse.start(settings.toBuilder().runMigrations(false).build(),
                java.time.Clock.systemUTC())) {
            assertTrue(admin.admin().disableUser(id));
        }
        Http.Res r = http.post("/auth/login", body("email", "ada@example.com", "password", PW));
        assertError(r, 403, "account_disabled");
        assertError(http.post("/auth/login", body("email", "ada@example.com", "password", "wrong-password")), 401,
                "invalid_credentials"); // only the right password learns that the account is disabled
    }

    @Test
    void withoutPublicBaseUrlTheEmailRowsAre404ForEveryoneWithoutAHint() throws Exception {
        Http http = boot(b -> b.publicBaseUrl(null));
        Http.Res up = http.post("/auth/signup", body("email", "ada@example.com", "password", PW));
        assertEquals(201, up.status(), up.body());
        Http.Res known = http.post("/auth/password/forgot", body("email", "ada@example.com"));
        Http.Res unknown = http.post("/auth/password/forgot", body("email", "nobody@example.com"));
        assertError(known, 404, "not_found");
        assertEquals(unknown.status(), known.status());
        assertEquals(unknown.body(), known.body());
        String cookie = up.cookie("gatehouse_session").orElseThrow();
        Http.Res verify = http.post("/auth/email/verify/request", "{}", "Cookie", "gatehouse_session=" + cookie);
        assertError(verify, 404, "not_found");
        for (Http.Res r : new Http.Res[] {known, unknown, verify}) {
            assertFalse(r.body().contains("publicBaseUrl") || r.body().contains("configured"), r.body());
        }
    }

    @Test
    void forwardedForIsOnlyBelievedFromTrustedProxies() throws Exception {
        Http http = boot(b -> b.rateLimitSignInPerHour(1).trustedProxies(Set.of("127.0.0.0/8")));
        String wrong = body("email", "a@b.com", "password", "wrong-password");
        assertEquals(401, http.post("/auth/login", wrong, "X-Forwarded-For", "203.0.113.1").status());
        assertEquals(429, http.post("/auth/login", wrong, "X-Forwarded-For", "203.0.113.1").status());
        // another client behind the same proxy has its own address budget
        assertEquals(401, http.post("/auth/login", body("email", "c@d.com", "password", "wrong-password"),
                "X-Forwarded-For", "203.0.113.2").status());
        // the right-most untrusted hop counts: a client cannot pick its address by prepending one
        assertEquals(429, http.post("/auth/login", body("email", "x@y.com", "password", "wrong-password"),
                "X-Forwarded-For", "192.0.2.77, 203.0.113.2").status());
        // a spoofed header from a client that is not a proxy is ignored
        stop();
        Http direct = boot(b -> b.rateLimitSignInPerHour(1));
        assertEquals(401, direct.post("/auth/login", body("email", "e@f.com", "password", "x-wrong-pass"), "X-Forwarded-For", "198.51.100.1").status());
        assertEquals(429, direct.post("/auth/login", body("email", "g@h.com", "password", "x-wrong-pass"), "X-Forwarded-For", "198.51.100.2").status());
    }

    @Test
    void tokenLimitIs409() throws Exception {
        Http http = boot(b -> b.apiTokenMaxPerUser(1));
        String c = http.post("/auth/signup", body("email", "a@b.com", "password", PW)).cookie("gatehouse_session").orElseThrow();
        String token = "{\"name\":\"t\",\"scopes\":[\"a\"]}";
        assertEquals(201, http.post("/auth/tokens", token, "Cookie", "gatehouse_session=" + c).status());
        assertError(http.post("/auth/tokens", token, "Cookie", "gatehouse_session=" + c), 409, "token_limit_reached");
    }

    @Test
    void requireEmailVerifiedIs403() throws Exception {
        Http http = boot(b -> b.requireEmailVerified(true));
        http.post("/auth/signup", body("email", "a@b.com", "password", PW));
        assertError(http.post("/auth/login", body("email", "a@b.com", "password", PW)), 403, "email_not_verified");
    }

    @Test
    void usernameMode() throws Exception {
        Http http = boot(b -> b.identifier(Identifier.USERNAME));
        Http.Res up = http.post("/auth/signup", body("username", "Ada", "password", PW));
        assertEquals(201, up.status(), up.body());
        assertEquals("ada", up.json().getJsonObject("user").getString("username"));
        assertTrue(up.json().getJsonObject("user").isNull("email"));
        assertError(http.post("/auth/signup", body("email", "only@email.com", "password", PW)), 400, "invalid_request");
        assertEquals(200, http.post("/auth/login", body("username", "ADA", "password", PW)).status());
        assertTrue(http.get("/auth/username-available?u=freehandle").json().getBoolean("available"));
        assertFalse(http.get("/auth/username-available?u=ada").json().getBoolean("available"));
        Http.Res reserved = http.get("/auth/username-available?u=admin");
        assertFalse(reserved.json().getBoolean("available"));
        assertTrue(reserved.json().getString("reason").contains("reserved"));
        assertEquals("GET", http.post("/auth/username-available", "{}").header("Allow").orElseThrow());
    }

    @Test
    void usernameAvailabilityIsClosedInEmailMode() throws Exception {
        Http http = boot(b -> b);
        assertEquals(404, http.get("/auth/username-available?u=x").status());
    }

    @Test
    void customPrefix() throws Exception {
        Http http = boot(b -> b.authPathPrefix("/api/auth"));
        assertEquals("{\"user\":null}", http.get("/api/auth/me").body());
        assertEquals(404, http.get("/auth/me").status());
    }

    @Test
    void breachedPasswordIs422AndAnUnansweredFailClosedCheckIs503() throws Exception {
        try (FakePwnedPasswords pwned = FakePwnedPasswords.start().add("correct horse battery staple", 9)) {
            Http http = boot(b -> b.breachedPasswordCheck(BreachedPasswordCheck.FAIL_CLOSED)
                    .breachedPasswordApiUrl(pwned.baseUrl()).breachedPasswordTimeoutMillis(10_000));
            Http.Res breached = http.post("/auth/signup", body("email", "a@b.com", "password", "correct horse battery staple"));
            assertError(breached, 422, "weak_password");
            assertTrue(breached.json().getString("error").contains("appeared in a data breach"), breached.body());
            assertEquals(201, http.post("/auth/signup", body("email", "a@b.com", "password", PW)).status());
            pwned.answer(FakePwnedPasswords.Answer.STATUS_500);
            Http.Res down = http.post("/auth/signup", body("email", "c@d.com", "password", PW));
            assertError(down, 503, "breach_check_unavailable");
            assertEquals("We could not check this password against known breaches right now; try again shortly.",
                    down.json().getString("error"));
            assertTrue(Long.parseLong(down.header("Retry-After").orElseThrow()) >= 1);
            assertFalse(down.body().contains("127.0.0.1") || down.body().contains("range"), down.body());
            assertEquals(3, pwned.received().size());
        }
    }
}
