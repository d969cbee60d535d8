package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * What only embedded Jetty can show, each test with its own server and settings: where the dev
 * outbox may be served (start-up refusals, loopback callers only), HSTS and the {@code __Host-}
 * CSRF cookie with a Secure cookie, and the admin audit log.
 */
class ExampleJettyStartIT {

    static final Duration T = Duration.ofSeconds(30);
    final Map<String, String> saved = new HashMap<>();
    Server server;

    void set(String property, String value) {
        saved.putIfAbsent(property, System.getProperty(property));
        System.setProperty(property, value);
    }

    void freshDatabase() {
        set("gatehouse.jdbcUrl", "jdbc:h2:mem:st" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        set("gatehouse.housekeepingIntervalSeconds", "0");
        set("gatehouse.rateLimitSignUpPerHour", "100");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        saved.forEach((k, v) -> {
            if (v == null) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    static int port(Server s) {
        return ((ServerConnector) s.getConnectors()[0]).getLocalPort();
    }

    @Test
    void devOutboxRefusesToStartOnAPublicAddressUnlessAskedFor() {
        freshDatabase();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> server = Main.start("0.0.0.0", 0, Map.of()));
        assertTrue(e.getMessage().contains("GATEHOUSE_DEV_OUTBOX=true"), e.getMessage());
    }

    @Test
    void devOutboxRefusesToStartInStrictMode() {
        freshDatabase();
        set("example.devOutbox", "true");
        set("gatehouse.strict", "true");
        set("gatehouse.cookieSecure", "true");
        set("gatehouse.publicBaseUrl", "https://example.test");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> server = Main.start("127.0.0.1", 0, Map.of()));
        assertTrue(e.getMessage().contains("GATEHOUSE_STRICT"), e.getMessage());
    }

    @Test
    void devOutboxServedToLoopbackCallersOnly() throws Exception {
        Optional<InetAddress> external = externalAddress();
        Assumptions.assumeTrue(external.isPresent(), "no non-loopback IPv4 address on this machine");
        freshDatabase();
        set("example.devOutbox", "true");
        server = Main.start("0.0.0.0", 0, Map.of());
        String local = "http://127.0.0.1:" + port(server);
        String remote = "http://" + external.get().getHostAddress() + ":" + port(server);
        assertEquals(200, Web.send(local, T, "GET", "/outbox", null).status());
        assertTrue(Web.send(local, T, "GET", "/login", null).body().contains("/outbox'>Dev outbox</a>"));
        assertEquals(404, Web.send(remote, T, "GET", "/outbox", null).status());
        assertEquals(404, Web.send(remote, T, "GET", "/outbox", null, "X-Forwarded-For", "127.0.0.1").status());
        assertFalse(Web.send(remote, T, "GET", "/login", null).body().contains("Dev outbox"));
    }

    static Optional<InetAddress> externalAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void secureCookieMeansHstsAndAHostPrefixedCsrfCookie() throws Exception {
        freshDatabase();
        set("gatehouse.cookieSecure", "true");
        server = Main.start("127.0.0.1", 0, Map.of());
        Web.Res login = Web.send("http://127.0.0.1:" + port(server), T, "GET", "/login", null);
        assertTrue(login.raw().headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="));
        String csrf = login.raw().headers().allValues("Set-Cookie").stream().filter(h -> h.contains("csrf")).findFirst()
                .orElseThrow();
        assertTrue(csrf.startsWith("__Host-gatehouse_csrf=") && csrf.contains("; Secure") && csrf.contains("; HttpOnly")
                && csrf.contains("SameSite=Strict") && csrf.contains("Path=/"), csrf);
    }

    @Test
    void adminActionsAreAuditedWithActorTargetAndAddress() throws Exception {
        freshDatabase();
        String admin = "boss" + System.nanoTime() + "@example.test";
        set("example.bootstrapAdmin", admin);
        server = Main.start("127.0.0.1", 0, Map.of());
        String base = "http://127.0.0.1:" + port(server);
        ExampleBlackBoxSuite suite = new ExampleBlackBoxSuite() {
            @Override
            protected String base() {
                return base;
            }
        };
        String bossSession = suite.signUpOrIn(admin);
        assertEquals(202, Web.send(base, T, "POST", "/auth/email/verify/request", null, "Cookie",
                "gatehouse_session=" + bossSession).status());
        assertEquals(200, Web.send(base, T, "POST", "/auth/email/verify", "{\"token\":\"" + suite.outboxToken(admin,
                "/verify-email") + "\"}").status());
        Web.send(base, T, "GET", "/dashboard", null, "Cookie", "gatehouse_session=" + bossSession);
        String bossId = Web.send(base, T, "GET", "/auth/me", null, "Cookie", "gatehouse_session=" + bossSession).json("id");
        String memberSession = suite.signUpOrIn("target" + System.nanoTime() + "@example.test");
        String memberId = Web.send(base, T, "GET", "/auth/me", null, "Cookie", "gatehouse_session=" + memberSession).json("id");

        List<String> audit = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                audit.add(java.text.MessageFormat.format(r.getMessage(), r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.gatehouse.audit");
        log.addHandler(capture);
        try {
            Web.Csrf csrf = Web.csrf(base, T, "/login");
            Web.Res r = Web.form(base, T, "/admin", csrf, bossSession, new String[] {"user", memberId, "role", "admin",
                    "do", "grant"});
            assertEquals(302, r.status(), r.body());
        } finally {
            log.removeHandler(capture);
        }
        assertTrue(audit.stream().anyMatch(line -> line.contains("admin.grant") && line.contains(bossId)
                && line.contains(memberId) && line.contains("role=admin") && line.contains("127.0.0.1")), audit.toString());
    }
}
