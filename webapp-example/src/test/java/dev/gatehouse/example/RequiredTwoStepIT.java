package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example with {@code mfaRequiredRoles=member} (every account): a member without an app signs in
 * to a session that may only enrol, and only the enrolment page serves it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequiredTwoStepIT {

    static final String PW = "required-passphrase-8";

    final TestClock clock = new TestClock();
    Server server;
    String base;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("gatehouse.jdbcUrl", "jdbc:h2:mem:req" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        System.setProperty("gatehouse.housekeepingIntervalSeconds", "0");
        System.setProperty("gatehouse.mfaRequiredRoles", "member");
        try {
            server = Main.start("127.0.0.1", 0, Map.of(), clock);
        } finally {
            System.clearProperty("gatehouse.mfaRequiredRoles"); // read at start; no other server in this JVM wants it
        }
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    Web.Res get(String path, String session) throws Exception {
        return Web.send(base, Duration.ofSeconds(30), "GET", path, null, "Cookie", "gatehouse_session=" + session);
    }

    @Test
    void aMemberWithoutAnAppMaySetOneUpAndNothingElse() throws Exception {
        String email = "must-enrol" + System.nanoTime() + "@example.test";
        assertEquals(201, Web.send(base, Duration.ofSeconds(30), "POST", "/auth/signup", Web.credentials(email, PW)).status());
        SecurityForms f = new SecurityForms(base);
        Web.Res signIn = f.signIn(email, PW);
        assertEquals(SecurityPage.PATH, SecurityForms.path(signIn.location()), signIn.body());
        String restricted = signIn.cookie();

        for (String path : new String[] {"/dashboard", "/tokens", "/devices", "/account/email", ConfirmPage.PATH}) {
            assertEquals("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
                    SecurityForms.path(get(path, restricted).location()), path + " takes it for nobody");
        }
        assertEquals("/login", SecurityForms.path(f.post("/tokens", restricted, "name", "x", "scopes", "projects.read")
                .location()));
        Web.Res page = get(SecurityPage.PATH, restricted);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("id='enrolment-required'") && page.body().contains("id='totp-begin'"), page.body());
        assertEquals(403, f.post(SecurityPage.PATH, restricted, "do", "regenerate").status(), "it may only enrol");

        SecurityForms.Enrolled app = f.enrol(restricted, clock.instant());
        assertEquals(10, app.recoveryCodes().size());
        assertEquals("/login?next=%2Faccount%2Fsecurity", SecurityForms.path(get(SecurityPage.PATH, restricted).location()),
                "the enrol-only session ended with its job");
        String session = f.signInWithCode(email, PW, app.nextCode());
        assertTrue(get("/dashboard", session).body().contains(email));
        Web.Res security = get(SecurityPage.PATH, session);
        assertTrue(security.body().contains("Authenticator app: <b>on</b>") && !security.body().contains("totp-remove"),
                "the role requires it: no removing it " + security.body());
    }
}
