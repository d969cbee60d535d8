package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A catalogue of malformed requests against every endpoint: never a 5xx, never a stack trace,
 * and the stored accounts, sessions, tokens and roles are unchanged afterwards.
 */
class HostileInputTest {

    record Req(String method, String path, String contentType, byte[] body, String[] headers) {
    }

    static final String[] POST_PATHS = {"/auth/signup", "/auth/login", "/auth/logout", "/auth/password",
            "/auth/password/forgot", "/auth/password/reset", "/auth/email/verify/request", "/auth/email/verify",
            "/auth/tokens", "/auth/sessions/revoke-others", "/projects", "/reports", "/auth/passkeys/register/options",
            "/auth/passkeys/register", "/auth/passkeys/login/options", "/auth/passkeys/login", "/auth/passkeys/reauth/options",
            "/auth/passkeys/signup/options", "/auth/passkeys/signup"};
    static final String[] GET_PATHS = {"/auth/me", "/auth/sessions", "/auth/tokens", "/auth/passkeys", "/admin", "/whoami", "/service",
            "/projects", "/reports"};

    static List<Req> catalogue() {
        List<Req> all = new ArrayList<>();
        byte[][] bodies = {
                "".getBytes(StandardCharsets.UTF_8), "{".getBytes(StandardCharsets.UTF_8), "null".getBytes(StandardCharsets.UTF_8),
                "[]".getBytes(StandardCharsets.UTF_8), "\"str\"".getBytes(StandardCharsets.UTF_8),
                "{\"email\": [], \"password\": {}}".getBytes(StandardCharsets.UTF_8),
                "{\"email\":\"a\u0000b@x.com\",\"password\":\"p\u0000w-long-enough\"}".getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, // invalid UTF-8
                ("{\"email\":\"" + "a".repeat(300) + "@x.com\",\"password\":\"x\"}").getBytes(StandardCharsets.UTF_8),
                "{\"email\":\"' OR 1=1 --@x.com\",\"password\":\"');--\"}".getBytes(StandardCharsets.UTF_8),
                "{\"email\":\"*)(uid=*))(|(uid=*@x.com\",\"password\":\"<b>\"}".getBytes(StandardCharsets.UTF_8),
                "{\"email\":\"аdmin@exаmple.com\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8), // Cyrillic a
                "{\"token\": 12345, \"newPassword\": true}".getBytes(StandardCharsets.UTF_8),
                "{\"name\": \"x\", \"scopes\": [1, 2], \"expiresInDays\": \"ten\"}".getBytes(StandardCharsets.UTF_8),
                "{\"name\": \"x\", \"scopes\": [\"a\"], \"expiresInDays\": 1e400}".getBytes(StandardCharsets.UTF_8),
                "x".repeat(40_000).getBytes(StandardCharsets.UTF_8),
        };
        String[] types = {"application/json", "text/plain", "application/json; charset=latin1", "multipart/form-data"};
        for (String path : POST_PATHS) {
            for (byte[] body : bodies) {
                all.add(new Req("POST", path, "application/json", body, new String[0]));
            }
            for (String type : types) {
                all.add(new Req("POST", path, type, "{}".getBytes(StandardCharsets.UTF_8), new String[0]));
            }
            all.add(new Req("PUT", path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), new String[0]));
        }
        String[][] creds = {
                {"Cookie", "gatehouse_session="}, {"Cookie", "gatehouse_session=" + "A".repeat(43)},
                {"Cookie", "gatehouse_session=" + "A".repeat(4000)}, {"Cookie", "gatehouse_session=%00%00"},
                {"Cookie", "gatehouse_session=abc; gatehouse_session=def"}, {"Authorization", "Bearer"},
                {"Authorization", "Bearer gate_pat_"}, {"Authorization", "Bearer gate_pat_" + "x".repeat(49)},
                {"Authorization", "Bearer " + "y".repeat(300)}, {"Authorization", "Basic YWRtaW46YWRtaW4="},
                {"Authorization", "Bearer ' OR '1'='1"}, {"X-Forwarded-For", "not-an-ip, ::::, 999.1.1.1"},
        };
        for (String path : GET_PATHS) {
            for (String[] c : creds) {
                all.add(new Req("GET", path, null, null, c));
            }
            all.add(new Req("DELETE", path, null, null, new String[0]));
        }
        for (String id : new String[] {"x", "%00", "..%2F..%2Fetc", "a".repeat(500), "'%20OR%201=1"}) {
            all.add(new Req("DELETE", "/auth/sessions/" + id, null, null, new String[0]));
            all.add(new Req("DELETE", "/auth/tokens/" + id, null, null, new String[0]));
            all.add(new Req("DELETE", "/auth/passkeys/" + id, null, null, new String[0]));
            all.add(new Req("PATCH", "/auth/passkeys/" + id, "application/json",
                    "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8), new String[0]));
        }
        return all;
    }

    /** The container and integration under test. */
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }

    @Test
    void malformedRequestsNeverCauseA5xxOrChangeStoredData() throws Exception {
        AuthSettings settings = TestServer.settings().build();
        try (TestServer server = TestServer.start(mode(), settings)) {
            Http http = new Http(server.base());
            String cookie = http.post("/auth/signup", "{\"email\":\"owner@example.com\",\"password\":\"tangerine-otter-42\"}")
                    .cookie("gatehouse_session").orElseThrow();
            http.post("/auth/tokens", "{\"name\":\"t\",\"scopes\":[\"a\"]}", "Cookie", "gatehouse_session=" + cookie);
            String before = checksum(settings.database().jdbcUrl());
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            List<Req> catalogue = catalogue();
            assertTrue(catalogue.size() >= 200, "catalogue has " + catalogue.size());
            List<String> problems = new ArrayList<>();
            for (Req r : catalogue) {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + r.path())).timeout(Duration.ofSeconds(20));
                if (r.contentType() != null) {
                    b.header("Content-Type", r.contentType());
                }
                for (int i = 0; i < r.headers().length; i += 2) {
                    b.header(r.headers()[i], r.headers()[i + 1]);
                }
                b.method(r.method(), r.body() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.body()));
                HttpResponse<String> res;
                boolean oversized = r.body() != null && r.body().length > settings.http().maxRequestBytes();
                try {
                    // an oversized body goes on its own connection: the server may close it after answering
                    HttpClient sender = oversized ? HttpClient.newHttpClient() : client;
                    res = sender.send(b.build(), HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException first) {
                    // Jetty closes the connection after answering some bad requests; a pooled
                    // connection can then be dead when reused, so try once more on a fresh one
                    try {
                        res = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException e) {
                        if (!oversized) {
                            problems.add(r.method() + " " + r.path() + " " + String.join(" ", r.headers()) + " -> " + e);
                        }
                        continue;
                    }
                }
                boolean leak = res.body().contains("Exception") || res.body().contains("\tat ");
                if (res.statusCode() >= 500 || leak) {
                    problems.add(r.method() + " " + r.path() + " " + String.join(" ", r.headers()) + " -> " + res.statusCode());
                }
            }
            assertEquals(List.of(), problems);
            assertEquals(before, checksum(settings.database().jdbcUrl()), "stored data changed");
        }
    }

    /** Row counts and a digest of every row of the account tables. */
    static String checksum(String url) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            // the decoy reset token written for unknown emails is by design, so it is left out
            for (String query : new String[] {"SELECT * FROM users", "SELECT * FROM sessions", "SELECT * FROM api_tokens",
                    "SELECT * FROM auth_tokens WHERE user_id NOT LIKE '~%'" /* decoys of the same-work paths */, "SELECT * FROM roles",
                    "SELECT * FROM user_roles", "SELECT * FROM passkeys"}) {
                String table = query;
                try (ResultSet rs = s.executeQuery(query + " ORDER BY 1")) {
                    int n = rs.getMetaData().getColumnCount();
                    int rows = 0;
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= n; i++) {
                            md.update(String.valueOf(rs.getString(i)).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    md.update((table + rows).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
