package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /auth/activity} and {@code GET /auth/admin/audit} black-box over HTTP, with the events
 * the refusals of the filter and the API write; one subclass per integration mode.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuditHttpSuite {

    static final String PW = "tangerine-otter-42";
    static final String UA = "audit-suite/1.0 (test)";

    TestServer server;
    Http http;
    RoleService roles;
    String auditorCookie;
    String auditorId;

    protected abstract TestServer.Mode mode();

    @BeforeAll
    void boot() throws Exception {
        TestBeans.clock.set(MutableClock.T0);
        server = TestServer.start(mode(), TestServer.settings().rateLimitSignInPerHour(1000).rateLimitSignUpPerHour(1000)
                .build());
        http = new Http(server.base());
        roles = CDI.current().select(RoleService.class).get();
        roles.defineRole("auditor", List.of("audit.read"));
        auditorCookie = signUp(email());
        auditorId = userId(auditorCookie);
        roles.grantRole(auditorId, "auditor", auditorId);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    static String email() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    String signUp(String email) throws Exception {
        Http.Res r = http.post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PW + "\"}");
        assertEquals(201, r.status(), r.body());
        return r.cookie("gatehouse_session").orElseThrow();
    }

    String userId(String cookie) throws Exception {
        return http.get("/auth/me", cookie(cookie)).json().getJsonObject("user").getString("id");
    }

    String token(String cookie, String scopes) throws Exception {
        Http.Res r = http.post("/auth/tokens", "{\"name\":\"audit\",\"scopes\":" + scopes + "}", cookie(cookie));
        assertEquals(201, r.status(), r.body());
        return r.json().getString("token");
    }

    static String[] cookie(String value) {
        return new String[] {"Cookie", "gatehouse_session=" + value, "User-Agent", UA};
    }

    static String[] bearer(String raw) {
        return new String[] {"Authorization", "Bearer " + raw, "User-Agent", UA};
    }

    static void assertError(Http.Res r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertEquals(code, r.json().getString("code"), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
    }

    static List<JsonObject> events(Http.Res r) {
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("events").getValuesAs(JsonObject.class);
    }

    static List<JsonObject> ofType(List<JsonObject> events, String type) {
        return events.stream().filter(e -> e.getString("type").equals(type)).toList();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void activityShowsTheCallersOwnEventsNewestFirstWithTheirRefusals() throws Exception {
        String c = signUp(email());
        String id = userId(c);
        TestBeans.clock.advance(Duration.ofSeconds(1));
        String raw = token(c, "[\"*\"]");
        TestBeans.clock.advance(Duration.ofSeconds(1));
        // an API token may not manage the account: refused by the API, recorded with the token's id
        assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"a\"]}", bearer(raw)), 403, "permission_denied");
        TestBeans.clock.advance(Duration.ofSeconds(1));
        String tokenId = http.get("/auth/tokens", cookie(c)).json().getJsonArray("tokens").getJsonObject(0).getString("id");
        assertEquals(200, http.send("DELETE", "/auth/tokens/" + tokenId, null, cookie(c)).status());

        List<JsonObject> mine = events(http.get("/auth/activity", cookie(c)));
        List<String> types = mine.stream().map(e -> e.getString("type")).filter(t -> t.startsWith("token.")
                || t.equals("access.denied")).toList();
        assertEquals(List.of("token.revoked", "access.denied", "token.created"), types);
        JsonObject denied = ofType(mine, "access.denied").get(0);
        assertEquals("failure", denied.getString("outcome"));
        assertEquals(tokenId, denied.getString("tokenRef"));
        assertEquals(id, denied.getString("actor"));
        assertEquals("127.0.0.1", denied.getString("ip"));
        assertEquals(UA, denied.getString("userAgent"));
        assertEquals("POST", denied.getJsonObject("details").getString("method"));
        assertEquals("/auth/tokens", denied.getJsonObject("details").getString("path"));
        assertEquals("permission_denied", denied.getJsonObject("details").getString("code"));
        JsonObject created = ofType(mine, "token.created").get(0);
        assertEquals(tokenId, created.getString("tokenRef"));
        assertEquals("*", created.getJsonObject("details").getString("scopes"));
        assertFalse(created.containsKey("userId"), "own activity does not repeat the user");
        assertTrue(Instant.parse(mine.get(0).getString("occurredAt")).isAfter(Instant.parse(mine.get(mine.size() - 1)
                .getString("occurredAt"))));
        String everything = http.get("/auth/activity", cookie(c)).body();
        assertFalse(everything.contains(raw) || everything.contains(c) || everything.contains(PW), everything);
        // someone else sees none of it
        String other = signUp(email());
        assertTrue(events(http.get("/auth/activity", cookie(other))).stream()
                .noneMatch(e -> e.getString("type").startsWith("token.") || e.getString("type").equals("access.denied")));
    }

    @Test
    void activityPagesWithItsCursor() throws Exception {
        String c = signUp(email());
        String id = userId(c);
        roles.defineRole("tier-a", List.of());
        for (int i = 0; i < 5; i++) {
            TestBeans.clock.advance(Duration.ofSeconds(1));
            roles.grantRole(id, "tier-a", "admin-x");
            TestBeans.clock.advance(Duration.ofSeconds(1));
            roles.revokeRole(id, "tier-a", "admin-x");
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Res r = http.get("/auth/activity?limit=3" + (cursor == null ? "" : "&cursor=" + enc(cursor)), cookie(c));
            List<JsonObject> page = events(r);
            assertTrue(page.size() <= 3);
            page.forEach(e -> {
                assertTrue(seen.add(e.getString("id")), "repeated " + e);
                order.add(e.getString("type"));
            });
            cursor = r.json().isNull("nextCursor") ? null : r.json().getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertTrue(pages >= 4, "pages: " + pages);
        assertEquals(10, order.stream().filter(t -> t.startsWith("role.")).count());
        assertEquals("role.revoked", order.get(0));
    }

    @Test
    void activityRefusesAnonymousCallersTokensAndBadParameters() throws Exception {
        String c = signUp(email());
        assertError(http.get("/auth/activity"), 401, "auth_required");
        assertError(http.get("/auth/activity", bearer(token(c, "[\"*\"]"))), 403, "permission_denied");
        for (String bad : new String[] {"limit=0", "limit=201", "limit=ten", "cursor=garbage", "cursor=" + "A".repeat(300)}) {
            assertError(http.get("/auth/activity?" + bad, cookie(c)), 400, "invalid_request");
        }
        assertEquals(405, http.post("/auth/activity", "{}", cookie(c)).status());
    }

    @Test
    void adminAuditIsForHoldersOfAuditReadSessionOrToken() throws Exception {
        String plain = signUp(email());
        assertError(http.get("/auth/admin/audit"), 401, "auth_required");
        assertError(http.get("/auth/admin/audit", cookie(plain)), 403, "permission_denied");
        assertError(http.get("/auth/admin/audit", bearer(token(plain, "[\"*\"]"))), 403, "permission_denied");
        List<JsonObject> all = events(http.get("/auth/admin/audit", cookie(auditorCookie)));
        assertFalse(all.isEmpty());
        assertTrue(all.get(0).containsKey("userId"));
        assertEquals(200, http.get("/auth/admin/audit", bearer(token(auditorCookie, "[\"audit.read\"]"))).status());
        assertError(http.get("/auth/admin/audit", bearer(token(auditorCookie, "[\"projects.read\"]"))), 403, "permission_denied");
        // the refusals just made are in the trail, and a session without the permission was one of them
        String plainId = userId(plain);
        List<JsonObject> denied = events(http.get("/auth/admin/audit?type=access.denied&user=" + plainId, cookie(auditorCookie)));
        assertTrue(denied.size() >= 2, denied.toString());
        assertTrue(denied.stream().allMatch(e -> plainId.equals(e.getString("userId"))
                && e.getJsonObject("details").getString("path").equals("/auth/admin/audit")));
    }

    @Test
    void adminAuditFiltersByUserTypesAndTimeAndPages() throws Exception {
        String c = signUp(email());
        String id = userId(c);
        roles.defineRole("tier-b", List.of());
        TestBeans.clock.advance(Duration.ofMinutes(1));
        Instant from = TestBeans.clock.instant();
        roles.grantRole(id, "tier-b", auditorId);
        TestBeans.clock.advance(Duration.ofMinutes(1));
        roles.revokeRole(id, "tier-b", auditorId);
        TestBeans.clock.advance(Duration.ofMinutes(1));
        Instant to = TestBeans.clock.instant();
        roles.grantRole(id, "tier-b", auditorId);
        String base = "/auth/admin/audit?user=" + id;

        List<JsonObject> both = events(http.get(base + "&type=role.granted&type=role.revoked", cookie(auditorCookie)));
        assertEquals(List.of("role.granted", "role.revoked", "role.granted"), both.stream().map(e -> e.getString("type")).toList());
        assertTrue(both.stream().allMatch(e -> e.getString("actor").equals(auditorId)
                && e.getJsonObject("details").getString("role").equals("tier-b")));
        List<JsonObject> inRange = events(http.get(base + "&type=role.granted&type=role.revoked&from=" + from + "&to=" + to,
                cookie(auditorCookie)));
        assertEquals(List.of("role.revoked", "role.granted"), inRange.stream().map(e -> e.getString("type")).toList());
        Http.Res first = http.get(base + "&type=role.granted&limit=1", cookie(auditorCookie));
        assertEquals(1, events(first).size());
        String next = first.json().getString("nextCursor");
        Http.Res second = http.get(base + "&type=role.granted&limit=1&cursor=" + enc(next), cookie(auditorCookie));
        assertEquals(1, events(second).size());
        assertTrue(second.json().isNull("nextCursor"));
        assertNotNull(events(second).get(0).getString("id"));
        assertFalse(events(first).get(0).getString("id").equals(events(second).get(0).getString("id")));
    }

    @Test
    void adminAuditRefusesUnknownTypesAndBadTimes() throws Exception {
        for (String bad : new String[] {"type=sign_in&type=nonsense", "type=", "from=yesterday", "to=2026-13-01T00:00:00Z",
                "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "limit=500", "cursor=%%%"}) {
            assertError(http.get("/auth/admin/audit?" + bad.replace("%%%", "%25%25%25"), cookie(auditorCookie)), 400,
                    "invalid_request");
        }
    }

    @Test
    void crossSiteRefusalsAreRecordedWithoutAUser() throws Exception {
        Instant before = TestBeans.clock.instant();
        TestBeans.clock.advance(Duration.ofSeconds(1));
        assertError(http.post("/auth/login", "{\"email\":\"x@example.com\",\"password\":\"" + PW + "\"}",
                "Origin", "https://evil.example", "User-Agent", UA), 403, "csrf");
        List<JsonObject> csrf = events(http.get("/auth/admin/audit?type=csrf.refused&from=" + before, cookie(auditorCookie)));
        assertEquals(1, csrf.size(), csrf.toString());
        JsonObject e = csrf.get(0);
        assertTrue(e.isNull("userId") && e.isNull("actor"));
        assertEquals("failure", e.getString("outcome"));
        assertEquals(UA, e.getString("userAgent"));
        assertEquals("/auth/login", e.getJsonObject("details").getString("path"));
        assertEquals("csrf", e.getJsonObject("details").getString("code"));
        assertFalse(e.toString().contains(PW));
    }
}
