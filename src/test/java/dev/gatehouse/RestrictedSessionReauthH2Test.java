package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.mfa.Factor;
import dev.gatehouse.testing.TestDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Found while building the example's enrolment page (helper h-example): a session that may only enrol
 * the factor its roles require becomes a full session through {@code AuthService.reauthenticate} with
 * the password alone, since {@code SessionRepository.markAuthenticated} clears the restriction. The JSON
 * API never lets a restricted session reach {@code /auth/reauth}, but the Java API is public and an
 * application's own "confirm it's you" page can. Enable once reauthenticate refuses a restricted session
 * (or leaves its restriction alone).
 */
@Disabled("library bug: reauthenticate lifts an enrol-only session's restriction with the password alone")
class RestrictedSessionReauthH2Test extends DatabaseSuite {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void reauthenticatingWithThePasswordLeavesAnEnrolOnlySessionRestricted() {
        Gatehouse g = gh(b -> b.mfaRequiredRoles(Set.of("admin")));
        String id = g.auth().signUp("root@example.com", null, "tangerine-otter-42", null, null).user().id();
        g.roles().defineRole("admin", List.of("*"));
        g.roles().grantRole(id, "admin");
        var r = g.auth().signIn("root@example.com", "tangerine-otter-42", "10.0.0.1", "ua");
        String sessionId = g.sessions().resolve(r.cookie().value(), false).orElseThrow().sessionId();
        try {
            g.auth().reauthenticate(id, sessionId, Factor.PASSWORD, "tangerine-otter-42", "10.0.0.1", "ua");
        } catch (RuntimeException refused) {
            return; // refusing is a fix too
        }
        assertTrue(g.sessions().resolve(r.cookie().value(), false).orElseThrow().restricted(),
                "the password alone turned an enrol-only session into a full one");
    }
}
