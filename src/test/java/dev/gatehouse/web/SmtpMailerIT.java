package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.mail.SmtpMailer;
import dev.gatehouse.testing.TestBeans;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The SMTP mailer against a real embedded SMTP server (GreenMail), directly and through the reset flow. */
class SmtpMailerIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)
            .dynamicPort());

    AuthSettings.Builder smtp() {
        return TestServer.settings().smtpHost("127.0.0.1").smtpPort(SMTP.getSmtp().getPort()).smtpStartTls(false)
                .mailFrom("gatehouse@example.test");
    }

    @Test
    void deliversPlainTextMailWithTheConfiguredSender() throws Exception {
        try (SmtpMailer mailer = new SmtpMailer(smtp().build())) {
            mailer.send(new MailMessage("ada@example.com", "Héllo", "Body with ünïcode ✓\n"));
        }
        assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
        MimeMessage m = SMTP.getReceivedMessages()[0];
        assertEquals("Héllo", m.getSubject());
        assertEquals("gatehouse@example.test", m.getFrom()[0].toString());
        assertEquals("ada@example.com", m.getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(m).contains("Body with"));
    }

    @Test
    void resetLinkArrivesBuiltFromThePublicBaseUrlNotTheHostHeader() throws Exception {
        AuthSettings settings = smtp().build();
        TestBeans.mailer = new SmtpMailer(settings); // what the producer builds from smtpHost, handed in directly
        try (TestServer server = TestServer.start(TestServer.Mode.AUTHENTICATOR, settings)) {
            Http http = new Http(server.base());
            http.post("/auth/signup", "{\"email\":\"ada@example.com\",\"password\":\"tangerine-otter-42\"}");
            assertEquals(202, http.post("/auth/password/forgot", "{\"email\":\"ada@example.com\"}",
                    "Host", "evil.example").status());
            assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
            String body = GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]);
            assertTrue(body.contains("http://app.example.test/reset-password?token="), body);
            assertFalse(body.contains("evil.example"));
        } finally {
            ((SmtpMailer) TestBeans.mailer).close();
            TestBeans.mailer = new dev.gatehouse.mail.DevOutboxMailer();
        }
    }

    /** An SMTP server that accepts connections and never says a word: the mailer's one worker hangs on it. */
    static java.net.ServerSocket tarpit() throws Exception {
        java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    held.add(server.accept());
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }, "smtp-tarpit");
        t.setDaemon(true);
        t.start();
        return server;
    }

    @Test
    void aFullQueueAnswersLikeASentMailForExistingAndUnknownAccounts() throws Exception {
        java.net.ServerSocket tarpit = tarpit();
        AuthSettings settings = TestServer.settings().smtpHost("127.0.0.1").smtpPort(tarpit.getLocalPort())
                .smtpStartTls(false).mailFrom("gatehouse@example.test").build();
        SmtpMailer mailer = new SmtpMailer(settings); // not closed: its worker hangs on the tarpit (a daemon thread)
        for (int i = 0; i < 10_002; i++) { // one in the worker, 10,000 queued, the rest over the top
            mailer.send(new MailMessage("flood@example.com", "filler", "x"));
        }
        TestBeans.mailer = mailer;
        try (TestServer server = TestServer.start(TestServer.Mode.AUTHENTICATOR, settings)) {
            Http http = new Http(server.base());
            http.post("/auth/signup", "{\"email\":\"ada@example.com\",\"password\":\"tangerine-otter-42\"}");
            Http.Res known = http.post("/auth/password/forgot", "{\"email\":\"ada@example.com\"}");
            Http.Res unknown = http.post("/auth/password/forgot", "{\"email\":\"nobody@example.com\"}");
            assertEquals(202, known.status(), known.body());
            assertEquals(202, unknown.status(), unknown.body());
            assertEquals(unknown.body(), known.body());
        } finally {
            TestBeans.mailer = new dev.gatehouse.mail.DevOutboxMailer();
            // the tarpit stays open: closed, the worker would fail through 10,000 queued messages at once
        }
    }
}
