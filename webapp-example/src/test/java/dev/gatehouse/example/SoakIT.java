package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many clients use two example nodes on one PostgreSQL database for a bounded time
 * ({@code -Dsoak.seconds}, default 120; {@code -Dsoak.clients}, default 8). Each client repeats a
 * whole journey, alternating nodes at every step: sign up, call protected endpoints, create an API
 * token and use it, revoke it (refused at once on that node), keep every third one, sign out, sign
 * in again, sign out. Every response must be the expected one, neither node may run out of database
 * connections, and at the end the database holds exactly what the clients did.
 */
class SoakIT {

    static final Duration DURATION = Duration.ofSeconds(Long.getLong("soak.seconds", 120));
    /** Clients at once; each node admits 5 x hashingConcurrency (8 here) sign-ins before shedding. */
    static final int CLIENTS = Integer.getInteger("soak.clients", 8);
    static final String PW = "tangerine-otter-42";

    final AtomicLong requests = new AtomicLong();
    final AtomicLong journeys = new AtomicLong();
    final AtomicLong tokensCreated = new AtomicLong();
    final AtomicLong tokensRevoked = new AtomicLong();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    @Test
    void manyClientsForABoundedTimeLeaveExactlyWhatTheyDid() throws Exception {
        try (ExternalDatabase db = ExternalDatabase.create(ExternalDatabase.Engine.POSTGRES)) {
            List<ExampleNode> nodes = ExampleNode.startTogether(Map.of("GATEHOUSE_JDBC_URL", db.url(),
                    "GATEHOUSE_RATE_LIMIT_SIGN_UP_PER_HOUR", "1000000",
                    "GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", "1000000"), "soak-a", "soak-b");
            String run = UUID.randomUUID().toString().substring(0, 8);
            long started = System.nanoTime();
            long deadline = started + DURATION.toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> clients = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    clients.add(pool.submit(() -> {
                        for (int j = 0; System.nanoTime() < deadline && j < 100_000 && errors.size() < 20; j++) {
                            journey(nodes.get((client + j) % 2), nodes.get((client + j + 1) % 2),
                                    "soak-" + run + "-c" + client + "-j" + j + "@example.test", j % 3 == 0);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : clients) {
                    f.get(DURATION.toSeconds() + 300, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            String like = "soak-" + run + "-%";
            long users = db.count("SELECT COUNT(*) FROM users WHERE email LIKE '" + like + "'");
            long tokens = db.count("SELECT COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email LIKE '" + like + "'");
            long revoked = db.count("SELECT COUNT(*) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.email LIKE '"
                    + like + "' AND t.revoked_at IS NOT NULL");
            long sessions = db.count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email LIKE '" + like + "'");
            long exhausted = 0;
            for (ExampleNode n : nodes) {
                exhausted += n.log().stream().filter(l -> l.contains("Connection is not available")).count();
                n.close();
            }
            System.out.printf("[soak] %d clients, %.0f s, %d journeys, %d requests (%.0f req/s), %d errors; "
                            + "rows: %d users, %d tokens (%d revoked), %d sessions left; pool timeouts: %d%n",
                    CLIENTS, seconds, journeys.get(), requests.get(), requests.get() / seconds, errors.size(),
                    users, tokens, revoked, sessions, exhausted);
            assertEquals(List.of(), errors);
            assertTrue(journeys.get() >= CLIENTS, "every client finished at least one journey");
            assertEquals(0, exhausted, "a node ran out of database connections");
            assertEquals(journeys.get(), users, "one account per journey");
            assertEquals(tokensCreated.get(), tokens, "every token created is stored");
            assertEquals(tokensRevoked.get(), revoked, "every revocation is stored");
            assertEquals(0, sessions, "every session was signed out");
        }
    }

    private void journey(ExampleNode here, ExampleNode there, String email, boolean keepToken) throws Exception {
        String creds = Web.credentials(email, PW);
        Web.Res up = expect(201, here, "POST", "/auth/signup", creds);
        if (up == null) {
            return;
        }
        String[] session = {"Cookie", "gatehouse_session=" + up.cookie()};
        expect(200, there, "GET", "/api/projects", null, session);
        Web.Res me = expect(200, here, "GET", "/auth/me", null, session);
        if (me != null && !me.body().contains(email)) {
            errors.add("/auth/me did not name " + email + ": " + me.body());
        }
        for (int t = 0; t < (keepToken ? 2 : 1); t++) {
            Web.Res created = expect(201, there, "POST", "/auth/tokens", "{\"name\":\"soak\",\"scopes\":[\"projects.read\"]}", session);
            if (created == null) {
                return;
            }
            tokensCreated.incrementAndGet();
            String[] bearer = {"Authorization", "Bearer " + created.json("token")};
            expect(200, here, "GET", "/api/projects", null, bearer);
            if (t == 0) {
                if (expect(200, here, "DELETE", "/auth/tokens/" + created.json("id"), null, session) != null) {
                    tokensRevoked.incrementAndGet();
                }
                expect(401, here, "GET", "/api/projects", null, bearer);
            }
        }
        expect(200, there, "POST", "/auth/logout", null, session);
        Web.Res in = expect(200, here, "POST", "/auth/login", creds);
        if (in != null) {
            expect(200, here, "POST", "/auth/logout", null, "Cookie", "gatehouse_session=" + in.cookie());
        }
        journeys.incrementAndGet();
    }

    /** Sends and checks the status; a mismatch or a transport error is recorded. @return the response, or null */
    private Web.Res expect(int status, ExampleNode node, String method, String path, String json, String... headers) {
        requests.incrementAndGet();
        try {
            Web.Res r = Web.send(node.base, Duration.ofSeconds(60), method, path, json, headers);
            if (r.status() != status) {
                errors.add(node.name + " " + method + " " + path + ": expected " + status + ", got " + r.status() + " " + r.body());
                return null;
            }
            return r;
        } catch (Exception e) {
            errors.add(node.name + " " + method + " " + path + ": " + e);
            return null;
        }
    }
}
