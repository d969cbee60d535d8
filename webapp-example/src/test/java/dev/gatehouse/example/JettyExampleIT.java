package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The black-box suite against the example on embedded Jetty, started in this JVM exactly as Main does,
 * on a clock the test moves: here alone a session can be taken past the re-authentication window.
 */
class JettyExampleIT extends ExampleBlackBoxSuite {

    /** Past the default reauthWindowSeconds (300). */
    static final Duration PAST_THE_WINDOW = Duration.ofSeconds(301);

    final TestClock clock = new TestClock();
    Server server;
    String base;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("gatehouse.jdbcUrl", "jdbc:h2:mem:ex" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        System.setProperty("gatehouse.housekeepingIntervalSeconds", "0");
        System.setProperty("example.bootstrapAdmin", ADMIN);
        System.setProperty("gatehouse.rateLimitSignUpPerHour", "100"); // the suite signs up and in many times from one address
        System.setProperty("gatehouse.rateLimitSignInPerHour", "200");
        // The provider stamps tokens with this clock but states their lifetime (expires_in) against the real time:
        // the clock starts at the real time and only moves forward, so that lifetime is never negative.
        clock.set(java.time.Instant.now());
        provider().properties().forEach(System::setProperty);
        server = Main.start("127.0.0.1", 0, Map.of("/test-refusal/*", Refuse.class), clock);
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Answers {@code /test-refusal/<status>/<retry-after>} as Gatehouse's guards do: the header, then the container's error. */
    public static class Refuse extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res)
                throws java.io.IOException {
            String[] parts = req.getPathInfo().split("/");
            res.setHeader("Retry-After", parts[2]);
            res.sendError(Integer.parseInt(parts[1]));
        }
    }

    @Test
    void rateLimitAndOutagePagesSayHowLongToWait() throws Exception {
        Web.Res limited = send("GET", "/test-refusal/429/754", null, "Accept", "text/html");
        assertEquals(429, limited.status());
        assertTrue(limited.body().contains("<b id='retry-after'>754</b> seconds (about 13 minutes)"), limited.body());
        assertTrue(limited.body().contains("· Gatehouse example</title>") && limited.body().contains("<nav>"), limited.body());
        Web.Res down = send("GET", "/test-refusal/503/5", null, "Accept", "text/html");
        assertEquals(503, down.status());
        assertTrue(down.body().contains("<b id='retry-after'>5</b> seconds"), down.body());
        assertTrue(down.body().contains("id='retry' href='/test-refusal/503/5'"), "a link that asks again: " + down.body());
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
        provider().properties().keySet().forEach(System::clearProperty);
    }

    @Override
    protected java.time.Clock serverClock() {
        return clock;
    }

    @Override
    protected String base() {
        return base;
    }

    /** Whatever publicBaseUrl this JVM's properties gave the example (another test class may have set one). */
    @Override
    protected String passkeyOrigin() {
        java.net.URI u = java.net.URI.create(ExampleSettings.load().links().publicBaseUrl());
        return u.getScheme() + "://" + u.getRawAuthority();
    }

    @Override
    protected Instant serverNow() {
        return clock.instant();
    }

    /** Moves the server's clock past the window; the sessions the matrices hold are then no longer recent. */
    void passTheReauthWindow() {
        clock.advance(PAST_THE_WINDOW);
        callers = null;
    }

    @Test
    void aSessionPastTheWindowConfirmsItsYouBeforeEverySensitiveFormAndComesBack() throws Exception {
        SecurityForms f = new SecurityForms(base);
        String session = newAccount("late")[1];
        passTheReauthWindow();
        Map<String, String[]> sensitive = Map.of(
                "/tokens", new String[] {"name", "late", "scopes", "projects.read"},
                "/password", new String[] {"currentPassword", PW, "newPassword", "another-passphrase-5"},
                "/devices", new String[] {"revoke", "others"},
                "/account/email", new String[] {"newEmail", "late" + System.nanoTime() + "@example.test"},
                SecurityPage.PATH, new String[] {"do", "begin"});
        for (Map.Entry<String, String[]> e : sensitive.entrySet()) {
            Web.Res r = f.post(e.getKey(), session, e.getValue());
            assertEquals(302, r.status(), e.getKey() + ": " + r.body());
            assertEquals(ConfirmPage.PATH + "?next=" + e.getKey().replace("/", "%2F"), SecurityForms.path(r.location()));
        }
        assertEquals(200, send("GET", "/tokens", null, "Cookie", "gatehouse_session=" + session).status(), "reading is fine");
        Web.Res confirmed = f.post(ConfirmPage.PATH, session, "password", PW, "next", "/tokens");
        assertEquals("/tokens", SecurityForms.path(confirmed.location()), confirmed.body());
        Web.Res token = f.post("/tokens", session, sensitive.get("/tokens"));
        assertEquals(201, token.status(), token.body());
        assertTrue(token.body().contains("id='new-token'"), token.body());
    }

    @Test
    void adminActionsNeedARecentSignIn() throws Exception {
        SecurityForms f = new SecurityForms(base);
        String[] account = newAccount("stale-target");
        String userId = f.userId(account[1]);
        f.enrol(account[1], serverNow());
        String admin = adminSession();
        passTheReauthWindow();
        for (String action : new String[] {"mfa-reset", "sessions", "disable", "grant"}) {
            Web.Res r = f.post("/admin", admin, "user", userId, "do", action, "role", "admin");
            assertEquals(ConfirmPage.PATH + "?next=%2Fadmin", SecurityForms.path(r.location()), action + ": " + r.body());
        }
        assertTrue(f.page(SecurityPage.PATH, account[1]).contains("Authenticator app: <b>on</b>"), "nothing was done");
        Web.Res confirmed = f.post(ConfirmPage.PATH, admin, "password", PW, "next", "/admin");
        assertEquals("/admin", SecurityForms.path(confirmed.location()), confirmed.body());
        Web.Res reset = f.post("/admin", admin, "user", userId, "do", "mfa-reset");
        assertEquals("/admin", SecurityForms.path(reset.location()), reset.body());
        assertEquals(302, send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + account[1]).status());
    }
}
