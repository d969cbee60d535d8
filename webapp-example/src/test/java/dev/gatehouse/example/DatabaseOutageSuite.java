package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The example on a database behind a {@link TcpProxy} that the test cuts, stalls, slows and
 * restores while clients keep calling. The shared database server itself is never touched.
 * Every refusal during trouble is a 503 with the JSON error shape and {@code Retry-After}: never a
 * 200 that should have been refused, never a 401 (which would sign the client out), never a stack
 * trace; sign-in answers 503, not "invalid credentials". Afterwards service resumes without a
 * restart, and every session, token and counter written before the outage is still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseOutageSuite {

    static final String PW = "tangerine-otter-42";
    static final int DB_TIMEOUT_SECONDS = 2;
    static final int MAX_FAILURES = 5;
    /** Connection acquisition, then twice the timeout on the socket, then slack for a loaded 2-core machine. */
    static final Duration STALL_BOUND = Duration.ofSeconds(DB_TIMEOUT_SECONDS + 2L * DB_TIMEOUT_SECONDS + 3);

    ExternalDatabase db;
    TcpProxy proxy;
    ExampleNode node;

    abstract ExternalDatabase.Engine engine();

    @BeforeAll
    void start() throws Exception {
        db = ExternalDatabase.create(engine());
        proxy = new TcpProxy(db.host(), db.port());
        node = ExampleNode.start(engine().name().toLowerCase(java.util.Locale.ROOT) + "-outage", Map.of(
                "GATEHOUSE_JDBC_URL", db.urlVia("127.0.0.1", proxy.port()),
                "GATEHOUSE_DATABASE_TIMEOUT_SECONDS", Integer.toString(DB_TIMEOUT_SECONDS),
                "GATEHOUSE_RESOLVE_CACHE_SECONDS", "0",
                "GATEHOUSE_MAX_CONSECUTIVE_FAILURES", Integer.toString(MAX_FAILURES),
                "GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", "100000",
                "GATEHOUSE_RATE_LIMIT_SIGN_UP_PER_HOUR", "100000"));
    }

    @AfterAll
    void stop() throws Exception {
        try (ExternalDatabase d = db; TcpProxy p = proxy; ExampleNode n = node) {
            // nodes first, then proxy, then the database
        }
    }

    Web.Res send(String method, String path, String json, String... headers) throws Exception {
        return Web.send(node.base, Duration.ofSeconds(60), method, path, json, headers);
    }

    static String[] cookie(String value) {
        return new String[] {"Cookie", "gatehouse_session=" + value, "Accept", "application/json"};
    }

    /** What the clients saw: status counts per phase, and every response that broke a rule. */
    static final class Observed {
        final Map<String, Map<Integer, AtomicInteger>> statuses = new ConcurrentHashMap<>();
        final List<String> violations = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong requests = new AtomicLong();

        void record(String phase, String what, Web.Res r) {
            requests.incrementAndGet();
            statuses.computeIfAbsent(phase, p -> new ConcurrentHashMap<>())
                    .computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
            if (r.body().contains("Exception") || r.body().contains("\tat ")) {
                violations.add(phase + " " + what + ": stack trace in body");
            }
            if ("".equals(r.cookie())) {
                violations.add(phase + " " + what + ": the session cookie was cleared");
            }
            if (r.status() == 401) {
                violations.add(phase + " " + what + ": 401 for a valid credential");
            }
            if (r.status() == 503 && !(r.body().contains("\"code\":\"unavailable\"")
                    && r.raw().headers().firstValue("Retry-After").isPresent())) {
                violations.add(phase + " " + what + ": 503 without the JSON error shape or Retry-After: " + r.body());
            }
            if (r.status() != 503 && (r.status() < 200 || r.status() > 299)) {
                violations.add(phase + " " + what + ": unexpected " + r.status() + " " + r.body());
            }
        }

        String summary() {
            Map<String, Map<Integer, AtomicInteger>> sorted = new TreeMap<>(statuses);
            return requests.get() + " requests " + sorted;
        }
    }

    @Test
    void cutStallSlowAndRestoreWhileClientsKeepCalling() throws Exception {
        // Written before the outage: an account with a session and an API token, 3 counted failures.
        String email = "before" + System.nanoTime() + "@example.test";
        Web.Res up = send("POST", "/auth/signup", Web.credentials(email, PW));
        assertEquals(201, up.status(), up.body());
        String session = up.cookie();
        Web.Res pat = send("POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"projects.read\"]}", cookie(session));
        assertEquals(201, pat.status(), pat.body());
        String[] bearer = {"Authorization", "Bearer " + pat.json("token")};
        for (int i = 0; i < 3; i++) {
            assertEquals(401, send("POST", "/auth/login", Web.credentials(email, "wrong-" + i)).status());
        }
        String loader = "loader" + System.nanoTime() + "@example.test";
        assertEquals(201, send("POST", "/auth/signup", Web.credentials(loader, PW)).status());
        long usersBefore = db.count("SELECT COUNT(*) FROM users");
        long tokensBefore = db.count("SELECT COUNT(*) FROM api_tokens");

        // Clients keep calling through every phase (bounded in count and time).
        Observed seen = new Observed();
        AtomicBoolean running = new AtomicBoolean(true);
        String[] phase = {"before"};
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        for (int c = 0; c < 4; c++) {
            int client = c;
            clients.submit(() -> {
                for (int i = 0; running.get() && i < 20_000 && System.nanoTime() < deadline; i++) {
                    String p = phase[0];
                    try {
                        switch ((client + i) % 4) {
                            case 0 -> seen.record(p, "GET /api/projects (session)", send("GET", "/api/projects", null, cookie(session)));
                            case 1 -> seen.record(p, "GET /api/projects (token)", send("GET", "/api/projects", null, bearer));
                            case 2 -> seen.record(p, "GET /auth/me (session)", send("GET", "/auth/me", null, cookie(session)));
                            default -> seen.record(p, "POST /auth/login", send("POST", "/auth/login", Web.credentials(loader, PW)));
                        }
                    } catch (Exception e) {
                        seen.violations.add(p + ": client error " + e);
                    }
                }
                return null;
            });
        }
        awaitStatus("before", 200, () -> send("GET", "/api/projects", null, cookie(session)));

        // 1. Cut: every connection dropped, new ones refused.
        phase[0] = "cut";
        proxy.cut();
        awaitStatus("cut", 503, () -> send("GET", "/api/projects", null, cookie(session)));
        List<String> probes = new ArrayList<>();
        probe(probes, "GET /api/projects (session)", send("GET", "/api/projects", null, cookie(session)), 503);
        probe(probes, "GET /api/projects (token)", send("GET", "/api/projects", null, bearer), 503);
        probe(probes, "GET /auth/me (session)", send("GET", "/auth/me", null, cookie(session)), 503);
        probe(probes, "GET /admin (session)", send("GET", "/admin", null, cookie(session)), 503);
        probe(probes, "GET /api/admin/stats (token)", send("GET", "/api/admin/stats", null, bearer), 503);
        probe(probes, "POST /auth/login right password", send("POST", "/auth/login", Web.credentials(email, PW)), 503);
        probe(probes, "POST /auth/login wrong password", send("POST", "/auth/login", Web.credentials(email, "wrong-x")), 503);
        probe(probes, "POST /auth/signup", send("POST", "/auth/signup", Web.credentials("new" + System.nanoTime()
                + "@example.test", PW)), 503);
        probe(probes, "POST /auth/logout", send("POST", "/auth/logout", null, cookie(session)), 503);
        Web.Res page = send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + session, "Accept", "text/html");
        if (page.status() != 503 || !page.body().contains("Temporarily unavailable")
                || page.raw().headers().firstValue("Retry-After").isEmpty() || page.body().contains("\"code\"")) {
            probes.add("GET /dashboard (browser): not the app's 503 page with Retry-After: " + page.status() + " "
                    + page.body());
        }
        assertEquals(List.of(), probes, "during the cut");

        // 2. Restore: service resumes without a restart.
        phase[0] = "restored";
        proxy.forward();
        awaitStatus("restore", 200, () -> send("GET", "/api/projects", null, cookie(session)));

        // 3. Stall: connections stay open, nothing passes. Bounded by the configured timeouts.
        phase[0] = "stall";
        proxy.stall();
        long t0 = System.nanoTime();
        Web.Res stalled = send("GET", "/api/projects", null, cookie(session));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertEquals(503, stalled.status(), stalled.body());
        assertTrue(took.compareTo(STALL_BOUND) <= 0, "stalled request took " + took + ", bound " + STALL_BOUND);
        Web.Res stalledLogin = send("POST", "/auth/login", Web.credentials(email, PW));
        assertEquals(503, stalledLogin.status(), stalledLogin.body());
        System.out.println("[outage] stalled database answered 503 after " + took.toMillis() + " ms (bound "
                + STALL_BOUND.toMillis() + " ms)");

        // 4. Slow: 200 ms added to every packet; well under the timeouts, so requests succeed.
        phase[0] = "slow";
        proxy.delay(200);
        awaitStatus("slow", 200, () -> send("GET", "/api/projects", null, cookie(session)));
        // The token path may need a fresh pool connection, whose handshake now takes many slow
        // packets: wait until it too has one (bounded like every await), then time a request.
        awaitStatus("slow (token)", 200, () -> send("GET", "/api/projects", null, bearer));
        long s0 = System.nanoTime();
        assertEquals(200, send("GET", "/api/projects", null, bearer).status());
        long slowMillis = (System.nanoTime() - s0) / 1_000_000;
        assertTrue(slowMillis >= 200, "the delay was applied: " + slowMillis + " ms");

        // 5. Restored for good.
        proxy.forward();
        awaitStatus("final", 200, () -> send("GET", "/api/projects", null, cookie(session)));
        phase[0] = "after";
        running.set(false);
        clients.shutdown();
        assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES));

        // Nothing written before the outage was lost.
        assertEquals(200, send("GET", "/api/projects", null, cookie(session)).status(), "session survived");
        assertEquals(200, send("GET", "/api/projects", null, bearer).status(), "API token survived");
        assertTrue(db.count("SELECT COUNT(*) FROM users") >= usersBefore);
        assertEquals(tokensBefore, db.count("SELECT COUNT(*) FROM api_tokens"));
        // The failure counter kept its 3: two more wrong passwords reach the cap of 5, the next is locked.
        assertEquals(401, send("POST", "/auth/login", Web.credentials(email, "wrong-3")).status());
        assertEquals(401, send("POST", "/auth/login", Web.credentials(email, "wrong-4")).status());
        assertEquals(429, send("POST", "/auth/login", Web.credentials(email, "wrong-5")).status());

        System.out.println("[outage] " + seen.summary() + "; proxy connections accepted " + proxy.accepted()
                + ", dropped " + proxy.dropped());
        assertEquals(List.of(), seen.violations, seen.summary());
        assertTrue(seen.statuses.get("cut").containsKey(503), "clients saw the outage: " + seen.summary());
    }

    private static void probe(List<String> wrong, String what, Web.Res r, int expected) {
        if (r.status() != expected) {
            wrong.add(what + ": " + r.status() + " " + r.body());
        } else if (expected == 503 && !r.body().contains("\"code\":\"unavailable\"")) {
            wrong.add(what + ": 503 without the JSON error shape: " + r.body());
        }
    }

    interface Call {
        Web.Res call() throws Exception;
    }

    /** Repeats a request until it answers the status (at most 150 tries and 60 s). */
    private void awaitStatus(String what, int status, Call request) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Web.Res last = null;
        for (int i = 0; i < 150 && System.nanoTime() < end; i++) {
            last = request.call();
            if (last.status() == status) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200); // waiting for another process (the pool) to notice, not for time
        }
        throw new AssertionError(what + ": never answered " + status + "; last " + (last == null ? "none"
                : last.status() + " " + last.body()) + "\n" + node.tail());
    }
}
