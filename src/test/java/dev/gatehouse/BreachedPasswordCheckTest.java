package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.WeakPasswordException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.testing.FakePwnedPasswords.Answer;
import dev.gatehouse.testing.FakePwnedPasswords.Received;
import dev.gatehouse.testing.FakePwnedPasswords;
import dev.gatehouse.testing.TestDatabase;
import dev.gatehouse.token.InvalidTokenException;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Setting {@code breachedPasswordCheck} through the public API, against a real HTTP server that
 * speaks the Pwned Passwords range format. H2 only: the check touches no table, and every other
 * step of these flows runs on the three databases in {@link AuthServiceSuite}.
 */
class BreachedPasswordCheckTest extends DatabaseSuite {

    static final String CLEAN = "tangerine-otter-42";
    static final String BREACHED = "correct horse battery staple";
    /** SHA-1 of {@link #BREACHED}, computed outside Java ({@code printf %s '...' | sha1sum}). */
    static final String BREACHED_SHA1 = "ABF7AAD6438836DBE526AA231ABDE2D0EEF74D42";
    static final String OTHER_CLEAN = "quiet-lantern-977";

    FakePwnedPasswords pwned;

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeEach
    void startCorpus() throws IOException {
        pwned = FakePwnedPasswords.start().add(BREACHED, 3_861_493);
    }

    @AfterEach
    void stopCorpus() {
        pwned.close();
    }

    /** Generous timeout: these tests are about answers, not slowness, and the machine is shared. */
    Gatehouse checking(BreachedPasswordCheck mode) {
        return checking(mode, b -> b);
    }

    Gatehouse checking(BreachedPasswordCheck mode, UnaryOperator<AuthSettings.Builder> more) {
        return gh(b -> more.apply(b.breachedPasswordCheck(mode).breachedPasswordApiUrl(pwned.baseUrl())
                .breachedPasswordTimeoutMillis(10_000)));
    }

    static String weakReason(Runnable r) {
        WeakPasswordException e = assertThrows(WeakPasswordException.class, r::run);
        assertEquals("weak_password", e.code().wire());
        return e.getMessage();
    }

    @Test
    void theTestHashIsTheJdkSha1() {
        assertEquals(BREACHED_SHA1, FakePwnedPasswords.sha1Hex(BREACHED));
    }

    @Test
    void offByDefaultSendsNothingAndAcceptsABreachedPassword() {
        assertEquals(BreachedPasswordCheck.OFF, AuthSettings.defaults().passwords().breachedPasswordCheck());
        Gatehouse g = gh(b -> b.breachedPasswordApiUrl(pwned.baseUrl()));
        String id = g.auth().signUp("a@b.com", null, BREACHED, null, null).user().id();
        g.auth().changePassword(id, BREACHED, CLEAN);
        String token = g.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        g.auth().resetPassword(token, BREACHED, null);
        assertEquals(List.of(), pwned.received());
    }

    @Test
    void breachedPasswordIsRefusedAtSignUpWithTheReason() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        String reason = weakReason(() -> g.auth().signUp("a@b.com", null, BREACHED, null, null));
        assertTrue(reason.contains("appeared in a data breach"), reason);
        assertTrue(reason.contains("Choose a different one"), reason);
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
        assertEquals(1, pwned.received().size());
    }

    @Test
    void cleanPasswordIsAcceptedAfterOneLookup() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        g.auth().signUp("a@b.com", null, CLEAN, null, null);
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
        assertEquals(1, pwned.received().size());
    }

    @Test
    void breachedPasswordIsRefusedOnChangeAndTheOldOneStillWorks() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        String id = g.auth().signUp("a@b.com", null, CLEAN, null, null).user().id();
        assertTrue(weakReason(() -> g.auth().changePassword(id, CLEAN, BREACHED)).contains("data breach"));
        assertEquals(id, g.auth().signIn("a@b.com", CLEAN, null, null).user().id());
        g.auth().changePassword(id, CLEAN, OTHER_CLEAN);
        assertEquals(id, g.auth().signIn("a@b.com", OTHER_CLEAN, null, null).user().id());
    }

    @Test
    void changeLooksUpNothingForACallerWithoutTheCurrentPassword() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        String id = g.auth().signUp("a@b.com", null, CLEAN, null, null).user().id();
        int before = pwned.received().size();
        assertThrows(InvalidCredentialsException.class, () -> g.auth().changePassword(id, "wrong-current", BREACHED));
        assertEquals(before, pwned.received().size());
    }

    @Test
    void breachedPasswordIsRefusedOnResetAndTheLinkStillWorks() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        g.auth().signUp("a@b.com", null, CLEAN, null, null);
        String token = g.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        assertTrue(weakReason(() -> g.auth().resetPassword(token, BREACHED, null)).contains("data breach"));
        g.auth().resetPassword(token, OTHER_CLEAN, null);
        g.auth().signIn("a@b.com", OTHER_CLEAN, null, null);
    }

    @Test
    void resetWithADeadLinkLooksNothingUp() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        assertThrows(InvalidTokenException.class, () -> g.auth().resetPassword("A".repeat(43), BREACHED, null));
        assertEquals(List.of(), pwned.received());
    }

    @Test
    void onlyTheFirstFiveHexDigitsOfTheSha1LeaveTheServerWithPaddingAsked() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        assertThrows(WeakPasswordException.class, () -> g.auth().signUp("a@b.com", null, BREACHED, null, null));
        Received r = pwned.received().get(0);
        assertEquals("GET", r.method());
        assertEquals("/range/ABF7A", r.uri());
        assertEquals(0, r.body().length);
        assertEquals(List.of("true"), r.headers().get("Add-padding"));
        assertTrue(r.headers().get("User-agent").get(0).startsWith("Gatehouse"), r.headers().toString());
        String all = r.everything().toUpperCase(Locale.ROOT);
        String suffix = BREACHED_SHA1.substring(5);
        for (String secret : new String[] {BREACHED_SHA1, suffix, suffix.substring(0, 8), suffix.substring(27),
                BREACHED.toUpperCase(Locale.ROOT), "CORRECT", "STAPLE", "A@B.COM"}) {
            assertFalse(all.contains(secret), secret + " leaked in " + r.everything());
        }
    }

    @Test
    void paddingEntriesWithCountZeroAreIgnored() {
        pwned.add(CLEAN, 0);
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        g.auth().signUp("a@b.com", null, CLEAN, null, null);
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void suffixesCompareCaseInsensitivelyAndBareLineFeedsAreRead() {
        pwned.answer(Answer.RANGE_LOWERCASE_LF);
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        assertTrue(weakReason(() -> g.auth().signUp("a@b.com", null, BREACHED, null, null)).contains("data breach"));
        g.auth().signUp("a@b.com", null, CLEAN, null, null);
    }

    @Test
    void minCountSetsHowOftenAPasswordMustHaveBeenSeen() {
        pwned.add(CLEAN, 4).add(OTHER_CLEAN, 5);
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED, b -> b.breachedPasswordMinCount(5));
        g.auth().signUp("a@b.com", null, CLEAN, null, null);
        weakReason(() -> g.auth().signUp("b@b.com", null, OTHER_CLEAN, null, null));
    }

    @Test
    void signUpLookupsCountAgainstTheSignUpLimit() {
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED, b -> b.rateLimitSignUpPerHour(2));
        weakReason(() -> g.auth().signUp("a@b.com", null, BREACHED, "1.1.1.1", null));
        weakReason(() -> g.auth().signUp("a@b.com", null, BREACHED, "1.1.1.1", null));
        assertThrows(RateLimitedException.class, () -> g.auth().signUp("a@b.com", null, BREACHED, "1.1.1.1", null));
        assertEquals(2, pwned.received().size());
    }

    /** Each answer that is not a usable range answer: accepted under fail-open even though the password is breached. */
    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"HTML_200", "STATUS_500", "EMPTY_200", "GARBAGE_TAIL", "HUGE", "REDIRECT_302"})
    void unusableAnswerUnderFailOpenAcceptsThePassword(Answer answer) {
        pwned.answer(answer);
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_OPEN);
        g.auth().signUp("a@b.com", null, BREACHED, null, null);
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
        assertEquals(1, pwned.received().size());
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"HTML_200", "STATUS_500", "EMPTY_200", "GARBAGE_TAIL", "HUGE", "REDIRECT_302"})
    void unusableAnswerUnderFailClosedRefusesWithRetryAfter(Answer answer) {
        pwned.answer(answer);
        Gatehouse g = checking(BreachedPasswordCheck.FAIL_CLOSED);
        assertUnavailable(() -> g.auth().signUp("a@b.com", null, CLEAN, null, null));
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
    }

    @ParameterizedTest
    @EnumSource(value = Answer.class, names = {"NEVER_ANSWERS", "STALLS_IN_BODY"})
    void noAnswerWithinTheTimeoutFollowsTheSetting(Answer answer) {
        pwned.answer(answer);
        UnaryOperator<AuthSettings.Builder> fast = b -> b.breachedPasswordTimeoutMillis(200);
        Gatehouse open = checking(BreachedPasswordCheck.FAIL_OPEN, fast);
        Gatehouse closed = checking(BreachedPasswordCheck.FAIL_CLOSED, fast);
        // Without the timeout these calls would wait until the server is closed after the test.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            open.auth().signUp("a@b.com", null, BREACHED, null, null);
            assertUnavailable(() -> closed.auth().signUp("b@b.com", null, CLEAN, null, null));
        });
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void unreachableServiceFollowsTheSetting() throws IOException {
        String closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = "http://127.0.0.1:" + s.getLocalPort();
        }
        UnaryOperator<AuthSettings.Builder> nowhere = b -> b.breachedPasswordApiUrl(closedPort);
        checking(BreachedPasswordCheck.FAIL_OPEN, nowhere).auth().signUp("a@b.com", null, BREACHED, null, null);
        Gatehouse closed = checking(BreachedPasswordCheck.FAIL_CLOSED, nowhere);
        assertUnavailable(() -> closed.auth().signUp("b@b.com", null, CLEAN, null, null));
        String token = closed.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        assertUnavailable(() -> closed.auth().resetPassword(token, CLEAN, null));
        // the refusal did not use the link up
        checking(BreachedPasswordCheck.OFF).auth().resetPassword(token, CLEAN, null);
    }

    static void assertUnavailable(Runnable r) {
        GatehouseUnavailableException e = assertThrows(GatehouseUnavailableException.class, r::run);
        assertEquals("breach_check_unavailable", e.code().wire());
        assertEquals("We could not check this password against known breaches right now; try again shortly.",
                e.getMessage());
        assertTrue(e.retryAfterSeconds() >= 1);
    }
}
