package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.apitoken.TokenLimitReachedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

public abstract class ApiTokenServiceSuite extends DatabaseSuite {

    ApiTokenService tokens() {
        return gh().apiTokens();
    }

    String user(String email) {
        return gh().auth().signUp(email, null, "tangerine-otter-42", null, null).user().id();
    }

    @Test
    void createdTokenHasPrefixSecretAndValidChecksum() {
        String u = user("a@b.com");
        NewApiToken t = tokens().create(u, "  ci deploy  ", List.of("deploy"), null);
        String raw = t.raw();
        assertTrue(raw.matches("gate_pat_[0-9A-Za-z]{49}"), raw);
        // checksum recomputed independently: CRC32 over prefix+secret, base62, 6 chars
        String body = raw.substring(0, raw.length() - 6);
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(base62(crc.getValue(), 6), raw.substring(raw.length() - 6));
        assertEquals("ci deploy", t.token().name());
        assertEquals(List.of("deploy"), t.token().scopes());
        assertEquals(CLOCK.instant().plus(Duration.ofDays(365)), t.token().expiresAt()); // max lifetime by default
        assertNull(t.token().lastUsedAt());
        assertNull(t.token().revokedAt());
        assertTrue(t.token().activeAt(CLOCK.instant()));
        assertFalse(t.toString().contains(raw));
    }

    static String base62(long v, int width) {
        String a = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder b = new StringBuilder();
        while (v > 0) {
            b.append(a.charAt((int) (v % 62)));
            v /= 62;
        }
        while (b.length() < width) {
            b.append('0');
        }
        return b.reverse().toString();
    }

    @Test
    void rawValuesAreDistinctAndNeverStored() throws Exception {
        String u = user("a@b.com");
        Set<String> raws = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            raws.add(tokens().create(u, "t" + i, List.of("read"), 1).raw());
        }
        assertEquals(10, raws.size());
        List<List<String>> rows = rows("SELECT id, token_sha256, user_id, name, scopes FROM api_tokens");
        Set<String> hashes = new HashSet<>();
        for (List<String> r : rows) {
            hashes.add(r.get(1));
            for (String raw : raws) {
                assertFalse(r.contains(raw));
                assertFalse(String.join("|", r).contains(raw.substring(9, 40)));
            }
        }
        Set<String> expected = new HashSet<>();
        for (String raw : raws) {
            expected.add(TokenServiceSuite.sha256(raw));
        }
        assertEquals(expected, hashes);
    }

    @Test
    void createRejectsBadArguments() {
        String u = user("a@b.com");
        assertThrows(IllegalArgumentException.class, () -> tokens().create("", "n", List.of("a"), 1));
        assertThrows(IllegalArgumentException.class, () -> tokens().create(null, "n", List.of("a"), 1));
        assertThrows(IllegalArgumentException.class, () -> tokens().create("missing-user", "n", List.of("a"), 1));
        for (String name : new String[] {"", "   ", null, "x".repeat(101), "tab\there"}) {
            assertThrows(InvalidRequestException.class, () -> tokens().create(u, name, List.of("a"), 1), String.valueOf(name));
        }
        tokens().create(u, "x".repeat(100), List.of("a"), 1);
        for (int days : new int[] {0, -1, 366}) {
            assertThrows(InvalidRequestException.class, () -> tokens().create(u, "n", List.of("a"), days));
        }
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 33; i++) {
            tooMany.add("s" + i);
        }
        for (List<String> scopes : List.of(List.<String>of(), List.of(""), List.of("   "), List.of("a b"),
                List.of("x".repeat(65)), List.of("a\tb"), List.of("UPPER"), tooMany)) {
            assertThrows(InvalidRequestException.class, () -> tokens().create(u, "n", scopes, 1), scopes.toString());
        }
        assertThrows(InvalidRequestException.class, () -> tokens().create(u, "n", null, 1));
        tokens().create(u, "n", List.of("x".repeat(64)), 1);
    }

    @Test
    void scopesAreTrimmedAndDeduplicatedInOrder() {
        String u = user("a@b.com");
        NewApiToken t = tokens().create(u, "n", List.of("read", " write ", "read", "write"), 1);
        assertEquals(List.of("read", "write"), t.token().scopes());
        assertEquals(List.of("read", "write"), tokens().resolve(t.raw(), null).orElseThrow().scopes());
    }

    @Test
    void resolveChecksScopeCoverage() {
        String u = user("a@b.com");
        gh().roles().defineRole("all", List.of("*")); // the owner holds everything: only the scopes narrow
        gh().roles().grantRole(u, "all");
        String raw = tokens().create(u, "n", List.of("deploy", "projects.*"), 1).raw();
        assertEquals(u, tokens().resolve(raw, null).orElseThrow().userId());
        assertTrue(tokens().resolve(raw, "deploy").isPresent());
        assertTrue(tokens().resolve(raw, "projects.read").isPresent());
        assertTrue(tokens().resolve(raw, "admin").isEmpty());
        assertTrue(tokens().resolve(raw, "deploy:prod").isEmpty());
        assertTrue(tokens().resolve(raw, "projects").isEmpty());
    }

    @Test
    void malformedTokensResolveToNothing() {
        String u = user("a@b.com");
        String raw = tokens().create(u, "n", List.of("deploy"), 1).raw();
        char last = raw.charAt(raw.length() - 1);
        String flipped = raw.substring(0, raw.length() - 1) + (last == 'a' ? 'b' : 'a');
        String flippedSecret = raw.substring(0, 20) + (raw.charAt(20) == 'a' ? 'b' : 'a') + raw.substring(21);
        for (String bad : new String[] {raw.substring(9), flipped, flippedSecret, "", null, "gate_pat_",
                "Bearer " + raw, "gate_pat_" + "x".repeat(300), raw + "\u0000", raw.toUpperCase()}) {
            assertTrue(tokens().resolve(bad, null).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void revokedOrExpiredTokensStopResolvingAtTheExpiryInstant() {
        String u = user("a@b.com");
        NewApiToken day = tokens().create(u, "n", List.of("a"), 1);
        NewApiToken revoked = tokens().create(u, "r", List.of("a"), 1);
        assertTrue(tokens().revoke(u, revoked.token().id()));
        assertTrue(tokens().resolve(revoked.raw(), null).isEmpty());
        CLOCK.advance(Duration.ofDays(1).minusSeconds(1));
        assertTrue(tokens().resolve(day.raw(), null).isPresent());
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(tokens().resolve(day.raw(), null).isEmpty());
    }

    @Test
    void noExpiryOnlyWhenConfigured() {
        Gatehouse g = gh(b -> b.apiTokenAllowNoExpiry(true));
        String u = user("a@b.com");
        NewApiToken t = g.apiTokens().create(u, "forever", List.of("a"), null);
        assertNull(t.token().expiresAt());
        CLOCK.advance(Duration.ofDays(3650));
        assertTrue(g.apiTokens().resolve(t.raw(), null).isPresent());
    }

    @Test
    void lastUsedIsWrittenAtMostOnceAMinute() {
        String u = user("a@b.com");
        String raw = tokens().create(u, "n", List.of("a"), 1).raw();
        assertNull(tokens().resolve(raw, null).orElseThrow().lastUsedAt()); // value from before this use
        assertEquals(CLOCK.instant(), tokens().list(u).get(0).lastUsedAt());
        java.time.Instant first = CLOCK.instant();
        CLOCK.advance(Duration.ofSeconds(59));
        tokens().resolve(raw, null);
        assertEquals(first, tokens().list(u).get(0).lastUsedAt());
        CLOCK.advance(Duration.ofSeconds(1));
        tokens().resolve(raw, null);
        assertEquals(CLOCK.instant(), tokens().list(u).get(0).lastUsedAt());
    }

    @Test
    void listShowsUnrevokedTokensNewestFirstForTheOwnerOnly() {
        String alice = user("alice@b.com");
        String bob = user("bob@b.com");
        NewApiToken oldest = tokens().create(alice, "one", List.of("a"), 1);
        CLOCK.advance(Duration.ofSeconds(1));
        NewApiToken middle = tokens().create(alice, "two", List.of("a"), 1);
        CLOCK.advance(Duration.ofSeconds(1));
        NewApiToken newest = tokens().create(alice, "three", List.of("a"), 1);
        tokens().create(bob, "bobs", List.of("a"), 1);
        tokens().revoke(alice, middle.token().id());
        assertEquals(List.of(newest.token().id(), oldest.token().id()),
                tokens().list(alice).stream().map(ApiToken::id).toList());
        assertEquals(List.of(), tokens().list("unknown"));
    }

    @Test
    void revokeIsOwnerScopedAndIdempotent() {
        String alice = user("alice@b.com");
        String bob = user("bob@b.com");
        NewApiToken t = tokens().create(alice, "n", List.of("a"), 1);
        assertFalse(tokens().revoke(bob, t.token().id()));
        assertTrue(tokens().resolve(t.raw(), null).isPresent());
        assertTrue(tokens().revoke(alice, t.token().id()));
        assertFalse(tokens().revoke(alice, t.token().id()));
        assertTrue(tokens().resolve(t.raw(), null).isEmpty());
        assertFalse(tokens().revoke(alice, "0".repeat(32)));
    }

    @Test
    void revokeAllCountsOnlyLiveTokensOfThatUser() {
        String alice = user("alice@b.com");
        String bob = user("bob@b.com");
        List<NewApiToken> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(tokens().create(alice, "t" + i, List.of("a"), 1));
        }
        NewApiToken bobs = tokens().create(bob, "b", List.of("a"), 1);
        tokens().revoke(alice, mine.get(0).token().id());
        assertEquals(2, tokens().revokeAll(alice));
        assertEquals(List.of(), tokens().list(alice));
        mine.forEach(t -> assertTrue(tokens().resolve(t.raw(), null).isEmpty()));
        assertTrue(tokens().resolve(bobs.raw(), null).isPresent());
        assertEquals(0, tokens().revokeAll(alice));
    }

    @Test
    void perUserCapCountsLiveTokensOnly() {
        Gatehouse g = gh(b -> b.apiTokenMaxPerUser(2));
        String u1 = user("a@b.com");
        String u2 = user("b@b.com");
        NewApiToken first = g.apiTokens().create(u1, "1", List.of("a"), 1);
        g.apiTokens().create(u1, "2", List.of("a"), 1);
        TokenLimitReachedException e = assertThrows(TokenLimitReachedException.class,
                () -> g.apiTokens().create(u1, "3", List.of("a"), 1));
        assertEquals(2, e.limit());
        assertEquals("token_limit_reached", e.code().wire());
        assertTrue(e.getMessage().contains("2"));
        assertEquals(2, g.apiTokens().list(u1).size());
        g.apiTokens().create(u2, "other user", List.of("a"), 1);
        g.apiTokens().revoke(u1, first.token().id());
        g.apiTokens().create(u1, "3", List.of("a"), 1);
        CLOCK.advance(Duration.ofDays(1));
        g.apiTokens().create(u1, "after expiry", List.of("a"), 1);
    }

    @Test
    void resolveWithAScopeAlsoNeedsTheOwnersLivePermission() {
        String u = gh().auth().signUp("owner@b.com", null, "tangerine-otter-42", null, null).user().id();
        gh().roles().defineRole("reader", List.of("projects.read"));
        gh().roles().grantRole(u, "reader");
        String raw = tokens().create(u, "ci", List.of("projects.read", "billing.read"), 30).raw();
        assertTrue(tokens().resolve(raw, "projects.read").isPresent());
        assertTrue(tokens().resolve(raw, "billing.read").isEmpty(), "the scope alone grants nothing the owner lacks");
        gh().roles().revokeRole(u, "reader");
        assertTrue(tokens().resolve(raw, "projects.read").isEmpty(), "the owner lost the role");
        assertTrue(tokens().resolve(raw, null).isPresent(), "still authenticates");
    }
}
