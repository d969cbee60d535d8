package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.DefaultAuditLog;
import dev.gatehouse.testing.AuditCapture;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The rows each owned flow writes to {@code audit_events}, and reading them back: filters, keyset
 * paging, retention, and what happens when the table or a listener fails.
 */
public abstract class AuditTrailSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    AuditTrail trail() {
        return DefaultAuditLog.trailOf(gh().audit());
    }

    /**
     * Rows of these types as (type, outcome, user_id, actor, token_ref, details), oldest first; the
     * details JSON parsed by hand into a sorted {@code {k=v, …}} (JSON keys have no order).
     */
    List<List<String>> rowsOf(String... types) {
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows("SELECT type, outcome, user_id, actor, token_ref, details FROM audit_events WHERE type IN ('"
                + String.join("','", types) + "') ORDER BY occurred_at, id")) {
            List<String> copy = new ArrayList<>(r);
            copy.set(5, r.get(5) == null ? null : new java.util.TreeMap<>(jakarta.json.Json.createReader(
                    new java.io.StringReader(r.get(5))).readObject().entrySet().stream().collect(java.util.stream.Collectors
                    .toMap(Map.Entry::getKey, e -> ((jakarta.json.JsonString) e.getValue()).getString()))).toString());
            out.add(copy);
        }
        return out;
    }

    static List<String> row(String... values) {
        return java.util.Arrays.asList(values);
    }

    String newUser(String email) {
        return gh().auth().signUp(email, null, PW, null, null).user().id();
    }

    @Test
    void roleGrantAndRevokeAreRecordedForTheUserWithTheActor() {
        gh().roles().defineRole("editor", List.of("posts.read"), "admin-1");
        CLOCK.advance(Duration.ofSeconds(1));
        gh().roles().grantRole("u1", "editor", "admin-1");
        CLOCK.advance(Duration.ofSeconds(1));
        gh().roles().grantRole("u1", "editor", "admin-1"); // already held: nothing changes, nothing recorded
        gh().roles().revokeRole("u1", "editor", "cli");
        CLOCK.advance(Duration.ofSeconds(1));
        assertFalse(gh().roles().revokeRole("u1", "editor", "cli")); // nothing to revoke: nothing recorded
        gh().roles().grantRole("u2", "editor"); // the old method: no actor named
        assertEquals(List.of(
                row("role.granted", "SUCCESS", "u1", "admin-1", null, "{role=editor}"),
                row("role.revoked", "SUCCESS", "u1", "cli", null, "{role=editor}"),
                row("role.granted", "SUCCESS", "u2", null, null, "{role=editor}")),
                rowsOf("role.granted", "role.revoked"));
    }

    @Test
    void roleDefinitionAndDeletionAreAdminActions() {
        gh().roles().defineRole("editor", List.of("posts.read", "posts.write"), "admin-1");
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(gh().roles().deleteRole("editor", "cli"));
        assertFalse(gh().roles().deleteRole("editor", "cli"));
        assertEquals(List.of(
                row("admin.action", "SUCCESS", null, "admin-1", null,
                        "{action=role.define, permissions=posts.read posts.write, role=editor}"),
                row("admin.action", "SUCCESS", null, "cli", null, "{action=role.delete, role=editor}")),
                rowsOf("admin.action"));
    }

    @Test
    void accountAdminActionsNameTheActionAndTheActorNotTheAccount() {
        String u = newUser("a@b.com");
        assertTrue(gh().admin().disableUser(u, "admin-7"));
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(gh().admin().enableUser(u, "cli"));
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(gh().admin().deleteUser(u));
        assertFalse(gh().admin().disableUser("0".repeat(32), "admin-7")); // unknown: nothing recorded
        assertEquals(List.of(
                row("admin.action", "SUCCESS", u, "admin-7", null, "{action=account.disable}"),
                row("admin.action", "SUCCESS", u, "cli", null, "{action=account.enable}"),
                row("admin.action", "SUCCESS", u, null, null, "{action=account.delete}")),
                rowsOf("admin.action"));
        // the deleted account's events stay readable
        assertEquals(3, gh().audit().query(new AuditQuery(u, Set.of(EventType.ADMIN_ACTION), null, null, 10, null))
                .events().size());
    }

    @Test
    void tokenCreationAndRevocationNameTheTokenByItsIdAndNeverItsValue() {
        String u = newUser("a@b.com");
        NewApiToken t = gh().apiTokens().create(u, "deploy bot", List.of("projects.read", "deploy"), 30);
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(gh().apiTokens().revoke(u, t.token().id()));
        assertFalse(gh().apiTokens().revoke(u, t.token().id()));
        String id = t.token().id();
        assertEquals(List.of(
                row("token.created", "SUCCESS", u, u, id, "{name=deploy bot, scopes=projects.read deploy}"),
                row("token.revoked", "SUCCESS", u, u, id, null)),
                rowsOf("token.created", "token.revoked"));
        String everything = rows("SELECT * FROM audit_events").toString();
        String secret = t.raw().substring("gate_pat_".length(), t.raw().length() - 6);
        assertFalse(everything.contains(secret) || everything.contains(PW), everything);
    }

    @Test
    void revokingAllTokensIsOneEventWithTheCount() {
        String u = newUser("a@b.com");
        gh().apiTokens().create(u, "one", List.of("a"), 30);
        gh().apiTokens().create(u, "two", List.of("b"), 30);
        CLOCK.advance(Duration.ofSeconds(1));
        assertEquals(2, gh().apiTokens().revokeAll(u));
        assertEquals(0, gh().apiTokens().revokeAll(u));
        assertEquals(List.of(row("token.revoked", "SUCCESS", u, u, null, "{all=true, count=2}")),
                rowsOf("token.revoked"));
    }

    @Test
    void occurredAtKeepsMicrosecondsInUtc() {
        CLOCK.set(MutableClock.T0.plusNanos(123_456_789));
        gh().roles().defineRole("editor", List.of(), "cli");
        gh().roles().grantRole("u1", "editor", "cli");
        SecurityEvent e = gh().audit().forUser("u1", 10, null).events().get(0);
        assertEquals(MutableClock.T0.plusNanos(123_456_000), e.occurredAt());
        // UTC wall time in the column, whatever the JVM's zone
        assertTrue(rows("SELECT occurred_at FROM audit_events WHERE user_id = 'u1'").get(0).get(0)
                .startsWith("2026-03-01 10:00:00.123456"));
        CLOCK.advance(Duration.ofDays(365 * 20)); // past 2038 on every database
        gh().roles().revokeRole("u1", "editor", "cli");
        SecurityEvent late = gh().audit().forUser("u1", 10, null).events().get(0);
        assertEquals(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), late.occurredAt());
    }

    @Test
    void detailsAreCappedAtTwoKilobytes() {
        AuditTrail.Entry e = trail().event(EventType.ADMIN_ACTION, Outcome.SUCCESS).user("u1");
        for (int i = 0; i < 20; i++) {
            e.detail("k" + i, "x".repeat(300)); // each value clipped to 256, 20 of them well over 2 KB
        }
        e.record();
        String stored = rows("SELECT details FROM audit_events").get(0).get(0);
        assertTrue(stored.length() <= 2048, stored.length() + "");
        assertTrue(stored.length() > 1500, stored.length() + ""); // what fits is kept
        Map<String, String> read = gh().audit().forUser("u1", 1, null).events().get(0).details();
        assertEquals("true", read.get("truncated"));
        assertTrue(read.size() > 2 && read.size() < 20, read.keySet().toString());
        read.forEach((k, v) -> assertEquals(k.equals("truncated") ? "true" : "x".repeat(256), v, k));
    }

    @Test
    void whenTheDatabaseRefusesTheEventTheLogLineIsWrittenAndTheFlowGoesOn() throws Exception {
        FailingStatements ds = FailingStatements.auditInserts(dataSource());
        java.util.logging.Logger audit = java.util.logging.Logger.getLogger("dev.gatehouse.audit");
        java.util.logging.Level level = audit.getLevel();
        audit.setLevel(java.util.logging.Level.INFO); // the tests' logging.properties keeps INFO events quiet
        try (Gatehouse g = Gatehouse.start(testSettings().runMigrations(false).build(), ds, CLOCK);
             AuditCapture capture = new AuditCapture()) {
            List<SecurityEvent> seen = new CopyOnWriteArrayList<>();
            g.onEvent(seen::add);
            g.roles().defineRole("editor", List.of());
            ds.failing = true;
            g.roles().grantRole("u1", "editor", "cli"); // does not throw
            assertEquals(List.of("editor"), g.roles().rolesFor("u1")); // the action itself committed
            assertTrue(ds.refused > 0, "the audit insert was attempted");
            assertEquals(0, count("SELECT COUNT(*) FROM audit_events WHERE type = 'role.granted'"));
            assertTrue(capture.lines().stream().anyMatch(l -> l.contains("event=role.granted") && l.contains("u1")),
                    capture.lines().toString());
            assertEquals(List.of(EventType.ROLE_GRANTED), seen.stream().map(SecurityEvent::type)
                    .filter(t -> t == EventType.ROLE_GRANTED).toList()); // listeners are still told
        } finally {
            audit.setLevel(level);
        }
    }

    @Test
    void aListenerThatThrowsBreaksNothingAndLaterListenersStillRun() throws Exception {
        List<SecurityEvent> later = new CopyOnWriteArrayList<>();
        try (AutoCloseable bad = gh().onEvent(e -> {
            throw new IllegalStateException("listener bug");
        }); AutoCloseable good = gh().onEvent(later::add)) {
            gh().roles().defineRole("editor", List.of());
            gh().roles().grantRole("u1", "editor", "cli");
        }
        assertEquals(List.of("editor"), gh().roles().rolesFor("u1"));
        assertEquals(1, count("SELECT COUNT(*) FROM audit_events WHERE type = 'role.granted'"));
        assertTrue(later.stream().anyMatch(e -> e.type() == EventType.ROLE_GRANTED && "u1".equals(e.userId())));
        // closed handles stop the calls
        int before = later.size();
        gh().roles().revokeRole("u1", "editor");
        assertEquals(before, later.size());
    }

    /** Events for u1 and u2 of three types, one a minute from T0. */
    List<Instant> seed() {
        List<Instant> at = new ArrayList<>();
        EventType[] types = {EventType.SIGN_IN, EventType.ROLE_GRANTED, EventType.ACCESS_DENIED};
        for (int i = 0; i < 9; i++) {
            at.add(CLOCK.instant());
            trail().event(types[i % 3], i % 3 == 2 ? Outcome.FAILURE : Outcome.SUCCESS).user(i % 2 == 0 ? "u1" : "u2")
                    .detail("n", i).record();
            CLOCK.advance(Duration.ofMinutes(1));
        }
        return at;
    }

    static List<String> ns(AuditPage p) {
        return p.events().stream().map(e -> e.details().get("n")).toList();
    }

    @Test
    void queriesFilterByUserTypesAndTimeRangeNewestFirst() {
        List<Instant> at = seed();
        assertEquals(List.of("8", "7", "6", "5", "4", "3", "2", "1", "0"), ns(gh().audit().query(AuditQuery.latest(50))));
        assertEquals(List.of("8", "6", "4", "2", "0"), ns(gh().audit().forUser("u1", 50, null)));
        assertEquals(List.of("8", "7", "5", "4", "2", "1"), ns(gh().audit().query(new AuditQuery(null,
                Set.of(EventType.ROLE_GRANTED, EventType.ACCESS_DENIED), null, null, 50, null))));
        // from inclusive, to exclusive
        assertEquals(List.of("5", "4", "3"), ns(gh().audit().query(new AuditQuery(null, null, at.get(3), at.get(6), 50, null))));
        assertEquals(List.of("4"), ns(gh().audit().query(new AuditQuery("u1", Set.of(EventType.SIGN_IN, EventType.ROLE_GRANTED),
                at.get(3), at.get(6), 50, null))));
        assertEquals(List.of(), ns(gh().audit().query(new AuditQuery(null, null, at.get(3), at.get(3), 50, null))));
        SecurityEvent e = gh().audit().query(AuditQuery.latest(1)).events().get(0);
        assertEquals(EventType.ACCESS_DENIED, e.type());
        assertEquals(Outcome.FAILURE, e.outcome());
        assertEquals("u1", e.userId());
        assertEquals(at.get(8), e.occurredAt());
    }

    @Test
    void pagingWithCursorsVisitsEveryEventOnceEvenWithTiesAndNewEvents() {
        Set<String> all = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            trail().event(EventType.SIGN_IN, Outcome.SUCCESS).user("u1").detail("n", i).record();
            if (i % 4 == 3) {
                CLOCK.advance(Duration.ofNanos(1_000)); // groups of four share a microsecond: ties broken by id
            }
        }
        List<String> expectedOrder = rows("SELECT id FROM audit_events ORDER BY occurred_at DESC, id DESC").stream()
                .map(r -> r.get(0)).toList();
        assertEquals(25, expectedOrder.size());
        List<String> seen = new ArrayList<>();
        AuditQuery q = new AuditQuery("u1", null, null, null, 10, null);
        int pages = 0;
        while (true) {
            AuditPage p = gh().audit().query(q);
            pages++;
            p.events().forEach(e -> seen.add(e.id()));
            if (pages == 1) { // a newer event between pages belongs before the first page
                CLOCK.advance(Duration.ofSeconds(1));
                trail().event(EventType.SIGN_IN, Outcome.SUCCESS).user("u1").record();
            }
            if (p.nextCursor() == null) {
                break;
            }
            assertEquals(10, p.events().size());
            q = q.withCursor(p.nextCursor());
        }
        assertEquals(3, pages);
        assertEquals(expectedOrder, seen);
        all.addAll(seen);
        assertEquals(25, all.size());
        // a page that ends exactly at the last event says so: no empty page after it
        assertNull(gh().audit().query(new AuditQuery("u1", null, null, null, 26, null)).nextCursor());
    }

    @Test
    void aCursorThisLogDidNotHandOutIsAnInvalidRequest() {
        seed();
        String good = gh().audit().query(AuditQuery.latest(2)).nextCursor();
        String garbage64 = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:abc:zz".getBytes());
        for (String bad : new String[] {"garbage", "%%%", "////", garbage64, good + "A", good.substring(1), "x".repeat(500),
                Base64.getUrlEncoder().encodeToString(("v1:99999999999999999999:" + "a".repeat(32)).getBytes()),
                Base64.getUrlEncoder().encodeToString(("v1:253402300800000000:" + "a".repeat(32)).getBytes()),
                Base64.getUrlEncoder().encodeToString(("v1:-1:" + "a".repeat(32)).getBytes())}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> gh().audit().query(AuditQuery.latest(2).withCursor(bad)), bad);
            assertEquals(ErrorCode.INVALID_REQUEST, e.code());
            assertTrue(e.getMessage().contains("cursor"), e.getMessage());
        }
        assertEquals(2, gh().audit().query(AuditQuery.latest(2).withCursor(good)).events().size());
    }

    @Test
    void queryLimitsAndRangesAreValidated() {
        for (int bad : new int[] {0, -1, 201}) {
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> AuditQuery.latest(bad));
            assertTrue(e.getMessage().contains("limit must be between 1 and 200"), e.getMessage());
        }
        InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> new AuditQuery(null, null,
                MutableClock.T0.plusSeconds(1), MutableClock.T0, 10, null));
        assertTrue(e.getMessage().contains("from must not be after to"), e.getMessage());
        assertThrows(InvalidRequestException.class, () -> gh().audit().forUser("u1", 0, null));
        assertThrows(IllegalArgumentException.class, () -> gh().audit().forUser(null, 10, null));
    }

    @Test
    void housekeepingDeletesEventsOlderThanTheRetention() {
        trail().event(EventType.SIGN_IN, Outcome.SUCCESS).user("old").record();
        CLOCK.advance(Duration.ofDays(1));
        trail().event(EventType.SIGN_IN, Outcome.SUCCESS).user("boundary").record();
        CLOCK.advance(Duration.ofDays(364));
        trail().event(EventType.SIGN_IN, Outcome.SUCCESS).user("new").record();
        SweepResult r = gh().sweepExpired(); // 365 days after T0: "old" is exactly 365 days old and stays
        assertEquals(0, r.auditEvents());
        CLOCK.advance(Duration.ofNanos(1_000));
        r = gh().sweepExpired();
        assertEquals(1, r.auditEvents());
        assertTrue(r.total() >= 1);
        assertEquals(List.of(List.of("new"), List.of("boundary")),
                rows("SELECT user_id FROM audit_events ORDER BY occurred_at DESC"));
        Gatehouse shorter = gh(b -> b.auditRetentionDays(30));
        assertEquals(1, shorter.sweepExpired().auditEvents());
        assertEquals(List.of(List.of("new")), rows("SELECT user_id FROM audit_events"));
    }
}
