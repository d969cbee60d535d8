package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two example nodes on a PostgreSQL primary with a synchronous standby ({@link PgCluster}), both
 * named in one multi-host JDBC URL with {@code targetServerType=primary}. While clients keep
 * signing in and calling protected endpoints on both nodes, the primary is stopped hard and the
 * standby promoted. During the switch every refusal is a 503 with {@code Retry-After} (never a 401,
 * never a cleared session cookie); both nodes serve again without a restart; and every account,
 * session, API token and counter committed before the stop is on the promoted server, and every
 * session a client was handed at any time still signs it in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresFailoverIT {

    static final String PW = "tangerine-otter-42";
    static final int DB_TIMEOUT_SECONDS = 2;
    static final int MAX_FAILURES = 5;
    static final Duration RESUME_BOUND = Duration.ofSeconds(60);
    static final int CLIENTS = 4;

    PgCluster cluster;
    ExampleNode a;
    ExampleNode b;

    @BeforeAll
    void start() throws Exception {
        cluster = PgCluster.start();
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_JDBC_URL", cluster.failoverUrl(""));
        env.put("GATEHOUSE_DATABASE_TIMEOUT_SECONDS", Integer.toString(DB_TIMEOUT_SECONDS));
        env.put("GATEHOUSE_RESOLVE_CACHE_SECONDS", "0"); // every request needs the database
        env.put("GATEHOUSE_MAX_CONSECUTIVE_FAILURES", Integer.toString(MAX_FAILURES));
        env.put("GATEHOUSE_MAX_SESSIONS_PER_USER", "0"); // the load's sign-ins end no older session
        env.put("GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", "100000");
        env.put("GATEHOUSE_RATE_LIMIT_SIGN_UP_PER_HOUR", "100000");
        try {
            List<ExampleNode> nodes = ExampleNode.startTogether(env, "failover-node-a", "failover-node-b");
            a = nodes.get(0);
            b = nodes.get(1);
        } catch (Exception e) {
            throw new AssertionError("nodes did not start\n" + cluster.logs(), e);
        }
    }

    @AfterAll
    void stop() throws Exception {
        try (PgCluster c = cluster; ExampleNode x = a; ExampleNode y = b) {
            // nodes first, then the cluster
        }
    }

    Web.Res send(ExampleNode n, String method, String path, String json, String... headers) throws Exception {
        return Web.send(n.base, Duration.ofSeconds(60), method, path, json, headers);
    }

    static String[] cookie(String value) {
        return new String[] {"Cookie", "gatehouse_session=" + value, "Accept", "application/json"};
    }

    static String[] bearer(String token) {
        return new String[] {"Authorization", "Bearer " + token};
    }

    /** What was written before the stop, as the database holds it. */
    record Rows(Set<String> users, Set<String> sessions, Set<String> tokens, Map<String, Long> counters) {
        int size() {
            return users.size() + sessions.size() + tokens.size() + counters.size();
        }
    }

    Rows rows(int port) throws Exception {
        Map<String, Long> counters = new HashMap<>();
        for (String row : cluster.column(port, "SELECT bucket_key || ' ' || count FROM ratelimit_buckets")) {
            int space = row.lastIndexOf(' ');
            counters.put(row.substring(0, space), Long.parseLong(row.substring(space + 1)));
        }
        return new Rows(new HashSet<>(cluster.column(port, "SELECT id FROM users")),
                new HashSet<>(cluster.column(port, "SELECT token_sha256 FROM sessions")),
                new HashSet<>(cluster.column(port, "SELECT id FROM api_tokens")), counters);
    }

    /** Written before the stop: a session and an API token made on each node, an account with 3 counted failures. */
    record Seed(Map<ExampleNode, String> sessions, Map<ExampleNode, String> tokens, String counted, String loader) {
    }

    Seed seed() throws Exception {
        Map<ExampleNode, String> sessions = new HashMap<>();
        Map<ExampleNode, String> tokens = new HashMap<>();
        for (ExampleNode n : List.of(a, b)) {
            Web.Res up = send(n, "POST", "/auth/signup", Web.credentials("before-" + n.name + System.nanoTime() + "@example.test", PW));
            assertEquals(201, up.status(), up.body());
            sessions.put(n, up.cookie());
            Web.Res pat = send(n, "POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"projects.read\"]}", cookie(up.cookie()));
            assertEquals(201, pat.status(), pat.body());
            tokens.put(n, pat.json("token"));
        }
        String counted = "counted" + System.nanoTime() + "@example.test";
        assertEquals(201, send(a, "POST", "/auth/signup", Web.credentials(counted, PW)).status());
        for (int i = 0; i < 3; i++) {
            assertEquals(401, send(i % 2 == 0 ? a : b, "POST", "/auth/login", Web.credentials(counted, "wrong-" + i)).status());
        }
        String loader = "loader" + System.nanoTime() + "@example.test";
        assertEquals(201, send(b, "POST", "/auth/signup", Web.credentials(loader, PW)).status());
        return new Seed(Map.copyOf(sessions), Map.copyOf(tokens), counted, loader);
    }

    /**
     * Clients calling both nodes until closed (bounded in count and time): sessions and tokens on
     * protected endpoints, sign-ins of the loader, whose every handed-out session is kept.
     */
    final class Load implements AutoCloseable {
        final DatabaseOutageSuite.Observed seen = new DatabaseOutageSuite.Observed();
        final List<String> handedOut = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong slowest503 = new AtomicLong();
        final AtomicReference<String> phase = new AtomicReference<>("1-before");
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

        Load(Seed seed) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.submit(() -> {
                    for (int i = 0; running.get() && i < 20_000 && System.nanoTime() < deadline; i++) {
                        call(seed, (client + i) % 2 == 0 ? a : b, (client + i / 2) % 4);
                    }
                    return null;
                });
            }
        }

        private void call(Seed seed, ExampleNode n, int kind) {
            String p = phase.get() + " " + n.name;
            try {
                long t0 = System.nanoTime();
                Web.Res r = switch (kind) {
                    case 0 -> send(n, "GET", "/api/projects", null, cookie(seed.sessions().get(n)));
                    case 1 -> send(n, "GET", "/api/projects", null, bearer(seed.tokens().get(n)));
                    case 2 -> send(n, "GET", "/auth/me", null, cookie(seed.sessions().get(n)));
                    default -> send(n, "POST", "/auth/login", Web.credentials(seed.loader(), PW));
                };
                seen.record(p, List.of("GET /api/projects (session)", "GET /api/projects (token)", "GET /auth/me (session)",
                        "POST /auth/login").get(kind), r);
                if (kind == 3 && r.status() == 200) {
                    handedOut.add(r.cookie());
                }
                if (r.status() == 503) {
                    slowest503.accumulateAndGet(millis(System.nanoTime() - t0), Math::max);
                }
            } catch (Exception e) {
                seen.violations.add(p + ": client error " + e);
            }
        }

        /** Waits (bounded) until the clients made {@code n} more requests. */
        void awaitRequests(int n) throws InterruptedException {
            long target = seen.requests.get() + n;
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (seen.requests.get() < target && System.nanoTime() < end) {
                TimeUnit.MILLISECONDS.sleep(100); // the clients are other threads
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "clients finished");
        }
    }

    @Test
    void primaryStoppedHardAndStandbyPromotedWhileClientsKeepCalling() throws Exception {
        Seed seed = seed();
        Load load = new Load(seed);
        Rows before;
        long stopped;
        long refused;
        long promoting;
        long promoted;
        Map<ExampleNode, Long> resumed = new HashMap<>();
        try (load) {
            for (ExampleNode n : List.of(a, b)) {
                awaitStatus(n, "warm-up", 200, () -> send(n, "POST", "/auth/login", Web.credentials(seed.loader(), PW)));
            }
            // What the primary holds just before the stop; the clients keep writing meanwhile, so
            // more may follow, and all of it must be on the promoted standby.
            before = rows(cluster.primaryPort);
            load.phase.set("2-switch");
            stopped = System.nanoTime();
            cluster.killPrimary();
            for (ExampleNode n : List.of(a, b)) {
                awaitStatus(n, "primary stopped", 503, () -> send(n, "GET", "/api/projects", null, cookie(seed.sessions().get(n))));
            }
            refused = System.nanoTime();
            assertEquals(List.of(), probeWithoutPrimary(seed), "with the primary stopped");
            promoting = System.nanoTime();
            cluster.promoteStandby();
            promoted = System.nanoTime();
            assertFalse(cluster.inRecovery(cluster.standbyPort), "the standby was promoted");
            for (ExampleNode n : List.of(a, b)) {
                awaitStatus(n, "standby promoted", 200, () -> send(n, "GET", "/api/projects", null, cookie(seed.sessions().get(n))));
                awaitStatus(n, "standby promoted (token)", 200, () -> send(n, "GET", "/api/projects", null, bearer(seed.tokens().get(n))));
                resumed.put(n, System.nanoTime());
            }
            load.phase.set("3-after");
            load.awaitRequests(40);
        }

        // Everything committed before the stop is on the promoted server, and works over HTTP on
        // both nodes: the old sessions and tokens, every session a sign-in handed out (before,
        // during or after the switch), and the failure counter's 3 (the probes were not counted).
        Rows after = rows(cluster.standbyPort);
        List<String> lost = lost(before, after, seed.loader());
        assertEquals(List.of(), lost, "rows lost");
        for (ExampleNode n : List.of(a, b)) {
            for (ExampleNode owner : List.of(a, b)) {
                assertEquals(200, send(n, "GET", "/api/projects", null, cookie(seed.sessions().get(owner))).status(), "session survived");
                assertEquals(200, send(n, "GET", "/api/projects", null, bearer(seed.tokens().get(owner))).status(), "API token survived");
            }
        }
        List<String> handed = List.copyOf(load.handedOut);
        List<String> signedOut = signedOut(handed, seed.loader());
        assertEquals(List.of(), signedOut, "sessions handed out that no longer sign in");
        assertEquals(401, send(b, "POST", "/auth/login", Web.credentials(seed.counted(), "wrong-3")).status());
        assertEquals(401, send(a, "POST", "/auth/login", Web.credentials(seed.counted(), "wrong-4")).status());
        assertEquals(429, send(b, "POST", "/auth/login", Web.credentials(seed.counted(), "wrong-5")).status());

        DatabaseOutageSuite.Observed seen = load.seen;
        System.out.printf("[failover] primary stopped; both nodes refused within %d ms; probes took %d ms;"
                        + " promotion took %d ms; node A served again %d ms, node B %d ms after the stop"
                        + " (%d / %d ms after the promotion)%n", millis(refused - stopped), millis(promoting - refused),
                millis(promoted - promoting), millis(resumed.get(a) - stopped),
                millis(resumed.get(b) - stopped), millis(resumed.get(a) - promoted), millis(resumed.get(b) - promoted));
        System.out.println("[failover] " + seen.summary() + "; slowest 503 " + load.slowest503.get() + " ms; rows checked "
                + before.size() + " (users " + before.users().size() + ", sessions " + before.sessions().size()
                + ", tokens " + before.tokens().size() + ", counters " + before.counters().size() + "), lost " + lost.size()
                + "; sessions handed out " + handed.size() + ", still signed in " + (handed.size() - signedOut.size()));
        assertEquals(List.of(), seen.violations, seen.summary());
        assertTrue(seen.statuses.keySet().stream().anyMatch(p -> p.startsWith("2-switch")
                && seen.statuses.get(p).containsKey(503)), "clients saw the switch: " + seen.summary());
    }

    /**
     * With no primary at all, every kind of request is refused the same way on both nodes; a
     * sign-in is not answered "invalid credentials". Sent at once: each refusal waits for the pool.
     */
    List<String> probeWithoutPrimary(Seed seed) throws Exception {
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        ExecutorService prober = Executors.newFixedThreadPool(8);
        try {
            List<Future<Void>> probing = new ArrayList<>();
            for (ExampleNode n : List.of(a, b)) {
                probing.add(prober.submit(() -> probe(wrong, n, "GET /auth/me (session)",
                        send(n, "GET", "/auth/me", null, cookie(seed.sessions().get(n))))));
                probing.add(prober.submit(() -> probe(wrong, n, "GET /api/projects (token)",
                        send(n, "GET", "/api/projects", null, bearer(seed.tokens().get(n))))));
                probing.add(prober.submit(() -> probe(wrong, n, "POST /auth/login right password",
                        send(n, "POST", "/auth/login", Web.credentials(seed.counted(), PW)))));
                probing.add(prober.submit(() -> probe(wrong, n, "POST /auth/login wrong password",
                        send(n, "POST", "/auth/login", Web.credentials(seed.counted(), "wrong-x")))));
            }
            for (Future<Void> f : probing) {
                f.get(2, TimeUnit.MINUTES);
            }
            return List.copyOf(wrong);
        } finally {
            prober.shutdownNow();
        }
    }

    /** Rows of {@code before} missing from {@code after}, and counters that went down. */
    static List<String> lost(Rows before, Rows after, String loader) {
        List<String> lost = new ArrayList<>();
        before.users().stream().filter(u -> !after.users().contains(u)).forEach(u -> lost.add("user " + u));
        before.sessions().stream().filter(s -> !after.sessions().contains(s)).forEach(s -> lost.add("session " + s));
        before.tokens().stream().filter(t -> !after.tokens().contains(t)).forEach(t -> lost.add("api token " + t));
        before.counters().forEach((key, count) -> {
            Long now = after.counters().get(key);
            // The loader's own counters are cleared by each of its successful sign-ins, by design.
            if (!key.contains(loader) && (now == null || now < count)) {
                lost.add("counter " + key + " was " + count + ", now " + now);
            }
        });
        return lost;
    }

    /** The handed-out sessions that no longer sign the loader in (asked of both nodes in turn). */
    List<String> signedOut(List<String> handed, String loader) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < handed.size(); i++) {
            Web.Res me = send(i % 2 == 0 ? a : b, "GET", "/auth/me", null, cookie(handed.get(i)));
            if (me.status() != 200 || !me.body().contains(loader)) {
                out.add(me.status() + " " + me.body());
            }
        }
        return out;
    }

    private static Void probe(List<String> wrong, ExampleNode n, String what, Web.Res r) {
        if (r.status() != 503 || !r.body().contains("\"code\":\"unavailable\"")
                || r.raw().headers().firstValue("Retry-After").isEmpty() || "".equals(r.cookie())) {
            wrong.add(n.name + " " + what + ": " + r.status() + " " + r.raw().headers().map() + " " + r.body());
        }
        return null;
    }

    static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    interface Call {
        Web.Res call() throws Exception;
    }

    /** Repeats a request until it answers the status (at most 600 tries and {@link #RESUME_BOUND}). */
    private void awaitStatus(ExampleNode n, String what, int status, Call request) throws Exception {
        long end = System.nanoTime() + RESUME_BOUND.toNanos();
        Web.Res last = null;
        for (int i = 0; i < 600 && System.nanoTime() < end; i++) {
            last = request.call();
            if (last.status() == status) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100); // waiting for other processes (the pool, the servers), not for time
        }
        throw new AssertionError(what + ": " + n.name + " never answered " + status + " within " + RESUME_BOUND
                + "; last " + (last == null ? "none" : last.status() + " " + last.body()) + "\n" + n.tail()
                + "\n" + cluster.logs());
    }
}
