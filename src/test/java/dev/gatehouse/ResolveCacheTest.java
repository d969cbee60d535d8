package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.CacheInvalidation;
import dev.gatehouse.role.Role;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-node resolve cache: changes through the services apply at once on the node that makes
 * them, and on another node (another Gatehouse on the same database) within resolveCacheSeconds.
 */
class ResolveCacheTest extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    Gatehouse node() {
        return gh(b -> b.resolveCacheSeconds(5).cacheInvalidation(CacheInvalidation.OFF)); // the TTL alone: no bus
    }

    @Test
    void aResolvedSessionIsServedFromTheCacheForAtMostTheTtl() {
        Gatehouse a = node();
        SignInResult r = a.auth().signUp("a@b.com", null, PW, null, null);
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isPresent());
        exec("DELETE FROM sessions"); // behind Gatehouse's back
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isPresent());
        CLOCK.advance(Duration.ofSeconds(5));
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isEmpty());
    }

    @Test
    void revocationOnTheSameNodeAppliesAtOnce() {
        Gatehouse a = node();
        SignInResult one = a.auth().signUp("a@b.com", null, PW, null, null);
        SignInResult two = a.auth().signIn("a@b.com", PW, null, null);
        SignInResult three = a.auth().signIn("a@b.com", PW, null, null);
        String raw = a.apiTokens().create(one.user().id(), "t", List.of("*"), 1).raw();
        for (SignInResult s : List.of(one, two, three)) {
            assertTrue(a.sessions().resolve(s.cookie().value(), true).isPresent());
        }
        assertTrue(a.apiTokens().resolve(raw, null).isPresent());
        a.sessions().signOut(one.cookie().value());
        assertTrue(a.sessions().resolve(one.cookie().value(), true).isEmpty());
        a.sessions().revokeAll(one.user().id());
        assertTrue(a.sessions().resolve(two.cookie().value(), true).isEmpty());
        SignInResult four = a.auth().signIn("a@b.com", PW, null, null);
        assertTrue(a.sessions().resolve(four.cookie().value(), true).isPresent());
        a.admin().disableUser(one.user().id());
        assertTrue(a.sessions().resolve(four.cookie().value(), true).isEmpty());
        assertTrue(a.apiTokens().resolve(raw, null).isEmpty());
        assertTrue(a.auth().findUser(one.user().id()).orElseThrow().disabled());
    }

    @Test
    void roleChangesApplyAtOnceOnTheSameNode() {
        Gatehouse a = node();
        String id = a.auth().signUp("a@b.com", null, PW, null, null).user().id();
        a.roles().defineRole("editor", List.of("posts.*"));
        assertEquals(List.of(), a.roles().grantedRoles(id));
        a.roles().grantRole(id, "editor");
        assertEquals(List.of("editor"), a.roles().grantedRoles(id).stream().map(Role::name).toList());
        a.roles().defineRole("editor", List.of("media.*"));
        assertEquals(List.of("media.*"), a.roles().grantedRoles(id).get(0).permissions());
        a.roles().revokeRole(id, "editor");
        assertEquals(List.of(), a.roles().grantedRoles(id));
    }

    @Test
    void anotherNodeSeesRevocationWithinTheTtl() {
        Gatehouse a = node();
        Gatehouse b = node();
        SignInResult r = a.auth().signUp("a@b.com", null, PW, null, null);
        String raw = a.apiTokens().create(r.user().id(), "t", List.of("*"), 1).raw();
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isPresent());
        assertTrue(a.apiTokens().resolve(raw, null).isPresent());
        b.sessions().revokeAll(r.user().id());
        b.apiTokens().revokeAll(r.user().id());
        assertTrue(b.sessions().resolve(r.cookie().value(), true).isEmpty());
        CLOCK.advance(Duration.ofSeconds(4));
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isPresent(), "stale within the bound");
        CLOCK.advance(Duration.ofSeconds(1));
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isEmpty());
        assertTrue(a.apiTokens().resolve(raw, null).isEmpty());
    }

    @Test
    void slidingExpiryIsStillWrittenAboutOnceAMinute() {
        Gatehouse a = gh(b -> b.resolveCacheSeconds(300));
        SessionCookie c = a.auth().signUp("a@b.com", null, PW, null, null).cookie();
        assertFalse(a.sessions().resolve(c.value(), true).orElseThrow().renewed());
        CLOCK.advance(Duration.ofSeconds(61));
        assertTrue(a.sessions().resolve(c.value(), true).orElseThrow().renewed());
        assertFalse(a.sessions().resolve(c.value(), true).orElseThrow().renewed());
    }

    @Test
    void zeroDisablesTheCache() {
        Gatehouse a = gh(b -> b.resolveCacheSeconds(0));
        SignInResult r = a.auth().signUp("a@b.com", null, PW, null, null);
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isPresent());
        exec("DELETE FROM sessions");
        assertTrue(a.sessions().resolve(r.cookie().value(), true).isEmpty());
    }
}
