package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.SignInResult;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaChallengeInvalidException;
import dev.gatehouse.mfa.MfaStateException;
import dev.gatehouse.mfa.RecoveryCodes;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.testing.TotpCodes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** TOTP enrolment, sign-in with a second factor, recovery codes, and what guards them. */
public abstract class TwoFactorSignInSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String K1 = "k1:" + "a".repeat(43) + "=";
    static final String K2 = "k2:" + "b".repeat(43) + "=";

    /** An account with a confirmed authenticator app: its base32 secret and recovery codes. */
    record Enrolled(String userId, String secret, List<String> recoveryCodes) {
    }

    Enrolled enrol(Gatehouse g, String email) {
        String id = g.auth().signUp(email, null, PW, null, null).user().id();
        TotpEnrolment e = g.mfa().beginTotp(id);
        RecoveryCodes codes = g.mfa().confirmTotp(id, TotpCodes.at(e.secret(), CLOCK.instant()));
        CLOCK.advance(Duration.ofSeconds(30)); // the confirming code's step is used up
        return new Enrolled(id, e.secret(), codes.codes());
    }

    String code(Enrolled e) {
        return TotpCodes.at(e.secret(), CLOCK.instant());
    }

    SignInResult passwordStep(Gatehouse g, String email) {
        return g.auth().signIn(email, PW, "10.0.0.1", "ua");
    }

    @Test
    void anEnrolmentIsInactiveUntilAFirstCodeConfirmsIt() {
        String id = gh().auth().signUp("ada@example.com", null, PW, null, null).user().id();
        TotpEnrolment e = gh().mfa().beginTotp(id);
        assertTrue(e.otpauthUri().startsWith("otpauth://totp/Gatehouse:ada%40example.com?secret=" + e.secret()), e.otpauthUri());
        assertTrue(e.qrSvg().startsWith("<svg") || e.qrSvg().startsWith("<?xml"), e.qrSvg());
        assertFalse(gh().mfa().status(id).totpEnabled());
        assertTrue(passwordStep(gh(), "ada@example.com").signedIn(), "an unconfirmed app is not asked for");
        assertThrows(InvalidMfaCodeException.class, () -> gh().mfa().confirmTotp(id, "000000".equals(
                TotpCodes.at(e.secret(), CLOCK.instant())) ? "111111" : "000000"));
        RecoveryCodes codes = gh().mfa().confirmTotp(id, TotpCodes.at(e.secret(), CLOCK.instant()));
        assertEquals(10, codes.codes().size());
        assertEquals(10, Set.copyOf(codes.codes()).size());
        assertTrue(gh().mfa().status(id).totpEnabled());
        assertEquals(10, gh().mfa().status(id).recoveryCodesLeft());
        assertThrows(MfaStateException.class, () -> gh().mfa().beginTotp(id), "one app at a time");
        assertFalse(codes.toString().contains(codes.codes().get(0)));
        assertFalse(e.toString().contains(e.secret()));
    }

    @Test
    void theRightPasswordOpensNoSessionButAChallengeThatACodeCompletes() {
        Enrolled e = enrol(gh(), "ada@example.com");
        long sessionsBefore = count("SELECT COUNT(*) FROM sessions");
        SignInResult pending = passwordStep(gh(), "ada@example.com");
        assertTrue(pending.mfaRequired());
        assertFalse(pending.signedIn());
        assertNull(pending.cookie());
        assertEquals(List.of("totp", "recovery_code"), pending.challenge().methods());
        assertEquals(sessionsBefore, count("SELECT COUNT(*) FROM sessions"), "no session before the second factor");
        var cookie = pending.challenge().pendingCookie();
        assertTrue(cookie.httpOnly());
        assertEquals("Strict", cookie.sameSite());
        assertEquals(300, cookie.maxAgeSeconds());
        assertTrue(gh().sessions().resolve(cookie.value(), false).isEmpty(), "the pending state is anonymous");

        SignInResult done = gh().auth().completeSignIn(cookie.value(), code(e), "10.0.0.1", "ua", null);
        assertTrue(done.signedIn());
        ResolvedSession s = gh().sessions().resolve(done.cookie().value(), false).orElseThrow();
        assertEquals(e.userId(), s.user().id());
        assertEquals(Set.of(dev.gatehouse.mfa.Factor.PASSWORD, dev.gatehouse.mfa.Factor.TOTP), s.authentication().factors());
        assertTrue(s.authentication().recent());
        assertThrows(MfaChallengeInvalidException.class,
                () -> gh().auth().completeSignIn(cookie.value(), code(e), null, null, null), "a challenge completes once");
    }

    @Test
    void aCodeIsAcceptedOnceEvenAcrossChallenges() {
        Enrolled e = enrol(gh(), "ada@example.com");
        String c = code(e);
        gh().auth().completeSignIn(passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value(), c, null, null, null);
        String second = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        assertThrows(InvalidMfaCodeException.class, () -> gh().auth().completeSignIn(second, c, null, null, null));
        CLOCK.advance(Duration.ofSeconds(30));
        assertTrue(gh().auth().completeSignIn(second, code(e), null, null, null).signedIn(), "the next step's code passes");
    }

    @Test
    void concurrentSubmissionsOfOneCodeLetExactlyOneWin() throws Exception {
        Enrolled e = enrol(gh(), "ada@example.com");
        List<String> pending = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value()).toList();
        String c = code(e);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Boolean> won = TokenServiceSuite.race(6, () -> {
            try {
                return gh().auth().completeSignIn(pending.get(next.getAndIncrement()), c, null, null, null).signedIn();
            } catch (InvalidMfaCodeException lost) {
                return false;
            }
        });
        assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
    }

    @Test
    void aRecoveryCodeSignsInOnceAndIsThenUsedUp() throws Exception {
        Enrolled e = enrol(gh(), "ada@example.com");
        String recovery = e.recoveryCodes().get(3).toUpperCase().replace("-", " ");
        SignInResult done = gh().auth().completeSignIn(
                passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value(), recovery, null, null, null);
        assertTrue(done.signedIn(), "typed in upper case with spaces");
        assertEquals(9, gh().mfa().status(e.userId()).recoveryCodesLeft());
        String again = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        assertThrows(InvalidMfaCodeException.class, () -> gh().auth().completeSignIn(again, e.recoveryCodes().get(3), null, null, null));
        // Two browsers racing with one code: exactly one gets in.
        List<String> pending = List.of(passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value(),
                passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Boolean> won = TokenServiceSuite.race(2, () -> {
            try {
                return gh().auth().completeSignIn(pending.get(next.getAndIncrement()), e.recoveryCodes().get(5), null, null, null)
                        .signedIn();
            } catch (InvalidMfaCodeException lost) {
                return false;
            }
        });
        assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM recovery_codes WHERE code_sha256 LIKE '%-%'"), "stored hashed");
    }

    @Test
    void regeneratingRecoveryCodesVoidsTheOldOnes() {
        Enrolled e = enrol(gh(), "ada@example.com");
        RecoveryCodes fresh = gh().mfa().regenerateRecoveryCodes(e.userId());
        assertEquals(10, fresh.codes().size());
        assertTrue(fresh.codes().stream().noneMatch(e.recoveryCodes()::contains));
        String p1 = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        assertThrows(InvalidMfaCodeException.class, () -> gh().auth().completeSignIn(p1, e.recoveryCodes().get(0), null, null, null));
        assertTrue(gh().auth().completeSignIn(p1, fresh.codes().get(0), null, null, null).signedIn());
    }

    @Test
    void aChallengeTakesAtMostFiveCodesThenEnds() {
        Enrolled e = enrol(gh(), "ada@example.com");
        String p = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        String right = code(e);
        String wrong = right.equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidMfaCodeException.class, () -> gh().auth().completeSignIn(p, wrong, null, null, null));
        }
        assertThrows(MfaChallengeInvalidException.class, () -> gh().auth().completeSignIn(p, right, null, null, null));
    }

    @Test
    void aChallengeExpires() {
        Enrolled e = enrol(gh(), "ada@example.com");
        String p = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        CLOCK.advance(Duration.ofSeconds(301));
        assertThrows(MfaChallengeInvalidException.class, () -> gh().auth().completeSignIn(p, code(e), null, null, null));
        assertThrows(MfaChallengeInvalidException.class, () -> gh().auth().completeSignIn("not-a-cookie", code(e), null, null, null));
    }

    @Test
    void wrongCodesFeedTheAccountLockWhichTheRightPasswordAloneDoesNotClear() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(3));
        Enrolled e = enrol(g, "ada@example.com");
        String wrong = code(e).equals("123456") ? "654321" : "123456";
        for (int i = 0; i < 3; i++) {
            String p = passwordStep(g, "ada@example.com").challenge().pendingCookie().value(); // a fresh challenge each time
            assertThrows(InvalidMfaCodeException.class, () -> g.auth().completeSignIn(p, wrong, null, null, null));
        }
        assertThrows(RateLimitedException.class, () -> passwordStep(g, "ada@example.com"),
                "the lock closed: not even the right password gets a new challenge");
        CLOCK.advance(Duration.ofSeconds(3601));
        String p = passwordStep(g, "ada@example.com").challenge().pendingCookie().value();
        assertTrue(g.auth().completeSignIn(p, code(e), null, null, null).signedIn(), "the lock lifts and a right code clears it");
    }

    @Test
    void secretsAreSealedAtRestAndSurviveAKeyRotation() {
        Gatehouse first = gh(b -> b.secretKeys(K1));
        Enrolled e = enrol(first, "ada@example.com");
        String sealed = rows("SELECT secret_sealed FROM mfa_totp").get(0).get(0);
        assertFalse(sealed.contains(e.secret()));
        assertTrue(sealed.startsWith("v1.k1."), sealed);
        Gatehouse rotated = gh(b -> b.secretKeys(K2 + "," + K1));
        String p = passwordStep(rotated, "ada@example.com").challenge().pendingCookie().value();
        assertTrue(rotated.auth().completeSignIn(p, code(e), null, null, null).signedIn(), "rotating never locks anyone out");
        assertTrue(rows("SELECT secret_sealed FROM mfa_totp").get(0).get(0).startsWith("v1.k2."), "re-sealed on use");
        CLOCK.advance(Duration.ofSeconds(30));
        Gatehouse newOnly = gh(b -> b.secretKeys(K2));
        String p2 = passwordStep(newOnly, "ada@example.com").challenge().pendingCookie().value();
        assertTrue(newOnly.auth().completeSignIn(p2, code(e), null, null, null).signedIn(), "the old key can go once used");
    }

    @Test
    void strictModeWithoutAKeyRefusesToEnableSecondFactors() {
        Gatehouse strict = gh(b -> b.strict(true).cookieSecure(true).argonMemoryKib(19456).argonTimeCost(2));
        String id = strict.auth().signUp("ada@example.com", null, PW, null, null).user().id();
        GatehouseUnavailableException e = assertThrows(GatehouseUnavailableException.class, () -> strict.mfa().beginTotp(id));
        assertEquals(ErrorCode.MFA_UNAVAILABLE, e.code());
        IllegalArgumentException start = assertThrows(IllegalArgumentException.class,
                () -> testSettings().strict(true).cookieSecure(true).argonMemoryKib(19456).argonTimeCost(2)
                        .mfaRequiredRoles(Set.of("admin")).build());
        assertTrue(start.getMessage().contains("secretKeys"), start.getMessage());
    }

    @Test
    void aRoleThatRequiresASecondFactorGivesARestrictedSessionUntilEnrolment() {
        Gatehouse g = gh(b -> b.mfaRequiredRoles(Set.of("admin")));
        String id = g.auth().signUp("root@example.com", null, PW, null, null).user().id();
        g.roles().defineRole("admin", List.of("*"));
        g.roles().grantRole(id, "admin");
        SignInResult r = passwordStep(g, "root@example.com");
        assertTrue(r.enrolmentRequired());
        assertTrue(g.sessions().resolve(r.cookie().value(), false).orElseThrow().restricted());
        assertTrue(g.mfa().status(id).required());
        TotpEnrolment e = g.mfa().beginTotp(id);
        g.mfa().confirmTotp(id, TotpCodes.at(e.secret(), CLOCK.instant()));
        CLOCK.advance(Duration.ofSeconds(30));
        assertTrue(passwordStep(g, "root@example.com").mfaRequired(), "enrolled: the next sign-in asks for a code");
    }

    @Test
    void reauthenticatingCannotTurnARestrictedSessionIntoAFullOne() {
        Gatehouse g = gh(b -> b.mfaRequiredRoles(Set.of("admin")));
        String id = g.auth().signUp("root@example.com", null, PW, null, null).user().id();
        g.roles().defineRole("admin", List.of("*"));
        g.roles().grantRole(id, "admin");
        SignInResult r = passwordStep(g, "root@example.com");
        String sid = g.sessions().resolve(r.cookie().value(), false).orElseThrow().sessionId();
        AccessDeniedException e = assertThrows(AccessDeniedException.class,
                () -> g.auth().reauthenticate(id, sid, dev.gatehouse.mfa.Factor.PASSWORD, PW, null, null));
        assertEquals(ErrorCode.MFA_ENROLMENT_REQUIRED, e.code());
        assertTrue(g.sessions().resolve(r.cookie().value(), false).orElseThrow().restricted());
    }

    @Test
    void anAdministratorsResetRemovesTheFactorAndEndsTheSessions() {
        Enrolled e = enrol(gh(), "ada@example.com");
        String p = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        String cookie = gh().auth().completeSignIn(p, code(e), null, null, null).cookie().value();
        assertTrue(gh().mfa().reset(e.userId(), "cli"));
        assertTrue(gh().sessions().resolve(cookie, false).isEmpty());
        assertFalse(gh().mfa().status(e.userId()).totpEnabled());
        assertEquals(0, gh().mfa().status(e.userId()).recoveryCodesLeft());
        assertTrue(passwordStep(gh(), "ada@example.com").signedIn());
        assertEquals(List.of(List.of("mfa.reset", "cli")),
                rows("SELECT type, actor FROM audit_events WHERE type = 'mfa.reset'"));
        assertFalse(gh().mfa().reset(e.userId(), "cli"), "nothing left to reset");
    }

    @Test
    void theTrailRecordsEachStepWithoutCodesOrSecrets() {
        Enrolled e = enrol(gh(), "ada@example.com");
        String p = passwordStep(gh(), "ada@example.com").challenge().pendingCookie().value();
        String wrong = code(e).equals("123456") ? "654321" : "123456";
        assertThrows(InvalidMfaCodeException.class, () -> gh().auth().completeSignIn(p, wrong, null, null, null));
        gh().auth().completeSignIn(p, e.recoveryCodes().get(0), "10.0.0.9", "ua", null);
        List<List<String>> events = rows("SELECT type, outcome FROM audit_events ORDER BY occurred_at, type");
        assertTrue(events.contains(List.of("mfa.enabled", "SUCCESS")), events.toString());
        assertTrue(events.contains(List.of("sign_in.mfa", "FAILURE")), events.toString());
        assertTrue(events.contains(List.of("sign_in.mfa", "SUCCESS")), events.toString());
        assertTrue(events.contains(List.of("mfa.recovery_code_used", "SUCCESS")), events.toString());
        String everything = rows("SELECT * FROM audit_events").toString() + rows("SELECT * FROM mfa_totp")
                + rows("SELECT * FROM recovery_codes") + rows("SELECT * FROM mfa_challenges") + rows("SELECT * FROM sessions");
        for (String secret : List.of(e.secret(), e.recoveryCodes().get(0), e.recoveryCodes().get(1), wrong, p, PW)) {
            assertFalse(everything.contains(secret), "a raw secret reached the database: " + secret);
        }
    }
}
