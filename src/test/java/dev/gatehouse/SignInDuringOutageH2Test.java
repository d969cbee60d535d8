package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.testing.TestDatabase;
import dev.gatehouse.testing.TotpCodes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The consecutive-failure lock counts wrong passwords, never a database outage: an attempt counted
 * before the database went away is taken back, at the latest at the identifier's next attempt when the
 * database is still away at the time.
 */
class SignInDuringOutageH2Test extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void rightPasswordsAnsweredUnavailableDoNotLockTheOwnerOut() {
        FailingStatements db = FailingStatements.goesDownAt(dataSource(), "mfa_totp");
        try (Gatehouse g = Gatehouse.start(testSettings().runMigrations(false).maxConsecutiveFailures(3).build(), db, CLOCK)) {
            String id = g.auth().signUp("owner@example.com", null, PW, null, null).user().id();
            TotpEnrolment e = g.mfa().beginTotp(id);
            g.mfa().confirmTotp(id, TotpCodes.at(e.secret(), CLOCK.instant()));
            CLOCK.advance(Duration.ofSeconds(30));
            for (int i = 0; i < 3; i++) {
                db.failing = true; // the attempt is counted, then the database goes away before the verdict
                assertThrows(GatehouseUnavailableException.class,
                        () -> g.auth().signIn("owner@example.com", PW, "10.0.0.10", "ua"));
                db.recover();
            }
            assertTrue(db.refused >= 3, "the outage was met " + db.refused + " times");
            SignInResult r = g.auth().signIn("owner@example.com", PW, "10.0.0.10", "ua"); // 429 before the fix
            assertTrue(r.mfaRequired(), "the password step passed: " + r);
        }
    }
}
