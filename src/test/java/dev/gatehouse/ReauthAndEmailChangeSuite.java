package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.EmailChangeRequest;
import dev.gatehouse.account.EmailChanged;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.testing.TotpCodes;
import dev.gatehouse.token.InvalidTokenException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Re-authentication ("sudo mode") and changing the account's email address. */
public abstract class ReauthAndEmailChangeSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    ResolvedSession resolve(Gatehouse g, SignInResult r) {
        return g.sessions().resolve(r.cookie().value(), false).orElseThrow();
    }

    @Test
    void aSessionIsRecentForTheReauthWindowThenAgainAfterReauthenticating() {
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        assertTrue(resolve(gh(), r).authentication().recent());
        assertEquals(List.of("password"), resolve(gh(), r).authentication().reauthMethods());
        CLOCK.advance(Duration.ofSeconds(301));
        assertFalse(resolve(gh(), r).authentication().recent(), "default window: 300 s");
        String sid = resolve(gh(), r).sessionId();
        assertThrows(InvalidCredentialsException.class,
                () -> gh().auth().reauthenticate(r.user().id(), sid, Factor.PASSWORD, "wrong-password-1", null, null));
        assertFalse(resolve(gh(), r).authentication().recent());
        gh().auth().reauthenticate(r.user().id(), sid, Factor.PASSWORD, PW, "10.0.0.1", "ua");
        ResolvedSession after = resolve(gh(), r);
        assertTrue(after.authentication().recent());
        assertEquals(CLOCK.instant(), after.authentication().at());
    }

    @Test
    void theWindowIsASetting() {
        Gatehouse g = gh(b -> b.reauthWindowSeconds(60));
        SignInResult r = g.auth().signUp("ada@example.com", null, PW, null, null);
        CLOCK.advance(Duration.ofSeconds(61));
        assertFalse(resolve(g, r).authentication().recent());
    }

    @Test
    void anotherUsersSessionCannotBeReauthenticated() {
        SignInResult ada = gh().auth().signUp("ada@example.com", null, PW, null, null);
        SignInResult bob = gh().auth().signUp("bob@example.com", null, PW, null, null);
        String bobs = resolve(gh(), bob).sessionId();
        assertThrows(IllegalArgumentException.class,
                () -> gh().auth().reauthenticate(ada.user().id(), bobs, Factor.PASSWORD, PW, null, null));
    }

    @Test
    void anEnrolledUserMayReauthenticateWithACodeAndWrongOnesFeedTheLock() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(2));
        SignInResult r = g.auth().signUp("ada@example.com", null, PW, null, null);
        TotpEnrolment e = g.mfa().beginTotp(r.user().id());
        g.mfa().confirmTotp(r.user().id(), TotpCodes.at(e.secret(), CLOCK.instant()));
        CLOCK.advance(Duration.ofSeconds(400));
        String sid = resolve(g, r).sessionId();
        assertEquals(List.of("password", "totp", "recovery_code"), resolve(g, r).authentication().reauthMethods());
        String right = TotpCodes.at(e.secret(), CLOCK.instant());
        g.auth().reauthenticate(r.user().id(), sid, Factor.TOTP, right, null, null);
        assertEquals(Set.of(Factor.TOTP), resolve(g, r).authentication().factors());
        assertThrows(InvalidMfaCodeException.class,
                () -> g.auth().reauthenticate(r.user().id(), sid, Factor.TOTP, right, null, null), "a code works once");
        assertThrows(InvalidMfaCodeException.class,
                () -> g.auth().reauthenticate(r.user().id(), sid, Factor.RECOVERY_CODE, "aaaa-bbbb-cccc-dddd", null, null));
        assertThrows(RateLimitedException.class,
                () -> g.auth().reauthenticate(r.user().id(), sid, Factor.PASSWORD, PW, null, null), "two failures: locked");
    }

    @Test
    void anEmailChangeSwapsTheAddressOnlyWhenTheLinkIsUsed() {
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        SignInResult other = gh().auth().signIn("ada@example.com", PW, null, null);
        String resetLink = gh().auth().requestPasswordReset("ada@example.com", null).orElseThrow().rawToken();
        EmailChangeRequest req = gh().auth().requestEmailChange(r.user().id(), " Ada@Lovelace.dev ", null);
        assertEquals("ada@lovelace.dev", req.newEmail());
        assertTrue(req.rawToken().isPresent());
        assertFalse(req.toString().contains(req.rawToken().get()));
        assertEquals("ada@example.com", gh().auth().findUser(r.user().id()).orElseThrow().email(), "nothing changes yet");

        String keep = resolve(gh(), r).sessionId();
        EmailChanged done = gh().auth().confirmEmailChange(req.rawToken().get(), keep, null);
        assertEquals("ada@lovelace.dev", done.user().email());
        assertTrue(done.user().emailVerified());
        assertEquals("ada@example.com", done.previousEmail());
        assertTrue(gh().sessions().resolve(r.cookie().value(), false).isPresent(), "the confirming session stays");
        assertTrue(gh().sessions().resolve(other.cookie().value(), false).isEmpty(), "other sessions end");
        assertThrows(InvalidTokenException.class, () -> gh().auth().resetPassword(resetLink, "new-password-123", null),
                "pending reset links are void");
        assertThrows(InvalidTokenException.class, () -> gh().auth().confirmEmailChange(req.rawToken().get(), null, null),
                "single use");
        assertTrue(gh().auth().signIn("ada@lovelace.dev", PW, null, null).signedIn());
    }

    @Test
    void aTakenAddressGetsNoLinkAndTheAnswerDoesNotSaySo() {
        gh().auth().signUp("taken@example.com", null, PW, null, null);
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        EmailChangeRequest req = gh().auth().requestEmailChange(r.user().id(), "taken@example.com", null);
        assertTrue(req.rawToken().isEmpty());
        assertEquals("taken@example.com", req.newEmail());
        assertEquals(2, count("SELECT COUNT(*) FROM auth_tokens WHERE purpose = 'email_change'") + 1,
                "the same work is done: a decoy link is written");
    }

    @Test
    void anAddressTakenAfterTheLinkWasSentIsNotSwapped() {
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        String raw = gh().auth().requestEmailChange(r.user().id(), "new@example.com", null).rawToken().orElseThrow();
        gh().auth().signUp("new@example.com", null, PW, null, null);
        assertThrows(InvalidTokenException.class, () -> gh().auth().confirmEmailChange(raw, null, null));
        assertEquals("ada@example.com", gh().auth().findUser(r.user().id()).orElseThrow().email());
    }

    @Test
    void aConfirmationRacingASignUpOfTheSameAddressLetsExactlyOneHaveIt() throws Exception {
        for (int round = 0; round < 3; round++) {
            String address = "race" + round + "@example.com";
            SignInResult r = gh().auth().signUp("owner" + round + "@example.com", null, PW, null, null);
            String raw = gh().auth().requestEmailChange(r.user().id(), address, null).rawToken().orElseThrow();
            AtomicInteger turn = new AtomicInteger();
            List<Boolean> won = TokenServiceSuite.race(2, () -> {
                try {
                    if (turn.getAndIncrement() == 0) {
                        gh().auth().confirmEmailChange(raw, null, null);
                    } else {
                        gh().auth().signUp(address, null, PW, null, null);
                    }
                    return true;
                } catch (InvalidTokenException | AccountExistsException lost) {
                    return false;
                }
            });
            assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
            assertEquals(1, count("SELECT COUNT(*) FROM users WHERE email = '" + address + "'"));
        }
    }

    @Test
    void emailChangeRequestsAreLimitedPerUser() {
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        for (int i = 0; i < 3; i++) {
            gh().auth().requestEmailChange(r.user().id(), "n" + i + "@example.com", null);
        }
        assertThrows(RateLimitedException.class, () -> gh().auth().requestEmailChange(r.user().id(), "x@example.com", null));
        assertThrows(AuthException.class, () -> gh().auth().requestEmailChange(r.user().id(), "not an address", null));
    }

    @Test
    void theTrailRecordsReauthenticationAndTheEmailChange() {
        SignInResult r = gh().auth().signUp("ada@example.com", null, PW, null, null);
        String sid = resolve(gh(), r).sessionId();
        gh().auth().reauthenticate(r.user().id(), sid, Factor.PASSWORD, PW, "10.0.0.1", "ua");
        String raw = gh().auth().requestEmailChange(r.user().id(), "new@example.com", null).rawToken().orElseThrow();
        gh().auth().confirmEmailChange(raw, sid, null);
        List<List<String>> events = rows("SELECT type, outcome, session_ref FROM audit_events WHERE type IN "
                + "('reauth', 'email.change_requested', 'email.changed') ORDER BY occurred_at, type");
        assertEquals(Set.of(java.util.Arrays.asList("reauth", "SUCCESS", sid.substring(0, 16)),
                java.util.Arrays.asList("email.change_requested", "SUCCESS", null),
                java.util.Arrays.asList("email.changed", "SUCCESS", sid.substring(0, 16))),
                new java.util.HashSet<>(events), "one event each (one clock instant: no order)");
        String all = rows("SELECT * FROM audit_events").toString();
        assertFalse(all.contains(PW));
        assertFalse(all.contains(raw));
        assertFalse(all.contains("new@example.com"), "the trail does not copy addresses");
    }
}
