package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.account.WeakPasswordException;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.InvalidTokenException;
import dev.gatehouse.token.PasswordResetToken;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class AuthServiceSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String PW2 = "quiet-lantern-977";

    AuthService auth() {
        return gh().auth();
    }

    UserAdminService admin() {
        return gh().admin();
    }

    SignInResult signUp(String email) {
        return auth().signUp(email, null, PW, null, null);
    }

    @Test
    void signUpNormalisesEmailAndIssuesAWorkingCookie() {
        SignInResult r = auth().signUp("Alice@Example.COM  ", null, PW, "1.1.1.1", "ua");
        assertEquals("alice@example.com", r.user().email());
        assertEquals("free", r.user().plan());
        assertTrue(r.user().id().matches("[0-9a-f]{32}"));
        assertEquals(r.user().id(), gh().sessions().resolve(r.cookie().value(), true).orElseThrow().user().id());
    }

    @Test
    void signUpTwiceWithSameEmailInAnyCaseIsAccountExists() {
        signUp("a@b.com");
        AccountExistsException e = assertThrows(AccountExistsException.class, () -> signUp("A@B.com"));
        assertEquals("account_exists", e.code().wire());
        assertTrue(e.getMessage().contains("email"));
    }

    @Test
    void malformedEmailIsAuthErrorWithReason() {
        for (String bad : new String[] {"nope", "@x.com", "x@", "", "a\u0000@b.com"}) {
            AuthException e = assertThrows(AuthException.class, () -> signUp(bad), bad);
            assertEquals("auth_error", e.code().wire());
        }
        assertTrue(assertThrows(AuthException.class, () -> signUp("nope")).getMessage().contains("valid email"));
        assertTrue(assertThrows(AuthException.class, () -> signUp("a".repeat(250) + "@b.com")).getMessage().contains("too long"));
    }

    @Test
    void weakPasswordsAreRejectedWithTheReason() {
        WeakPasswordException shortPw = assertThrows(WeakPasswordException.class,
                () -> auth().signUp("a@b.com", null, "short", null, null));
        assertTrue(shortPw.getMessage().contains("at least 8"));
        WeakPasswordException common = assertThrows(WeakPasswordException.class,
                () -> auth().signUp("a@b.com", null, "Password123", null, null));
        assertTrue(common.getMessage().contains("common"));
        WeakPasswordException context = assertThrows(WeakPasswordException.class,
                () -> auth().signUp("margaret@b.com", null, "xx-Margaret-2026-yy", null, null));
        assertTrue(context.getMessage().contains("email"));
        assertThrows(WeakPasswordException.class, () -> auth().signUp("a@b.com", null, "x".repeat(1025), null, null));
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void passwordLengthCountsCodePointsNotChars() {
        // 8 emoji = 8 code points but 16 UTF-16 chars; 7 emoji must be refused
        assertThrows(WeakPasswordException.class, () -> auth().signUp("a@b.com", null, "\uD83D\uDE00".repeat(7), null, null));
        assertNotNull(auth().signUp("a@b.com", null, "\uD83D\uDE00".repeat(8), null, null));
    }

    @Test
    void signUpIsRateLimitedPerIpAndValidationFailuresDoNotCount() {
        Gatehouse g = gh(b -> b.rateLimitSignUpPerHour(2));
        assertThrows(WeakPasswordException.class, () -> g.auth().signUp("x@b.com", null, "short", "1.1.1.1", null));
        g.auth().signUp("a@b.com", null, PW, "1.1.1.1", null);
        g.auth().signUp("b@b.com", null, PW, "1.1.1.1", null);
        RateLimitedException e = assertThrows(RateLimitedException.class,
                () -> g.auth().signUp("c@b.com", null, PW, "1.1.1.1", null));
        assertTrue(e.retryAfterSeconds() >= 1);
        g.auth().signUp("d@b.com", null, PW, "2.2.2.2", null);
    }

    @Test
    void signInWithRightPasswordOpensANewSession() {
        SignInResult up = signUp("a@b.com");
        SignInResult in = auth().signIn("A@b.com", PW, "9.9.9.9", "phone");
        assertEquals(up.user().id(), in.user().id());
        assertNotEquals(up.cookie().value(), in.cookie().value());
        assertEquals(up.user().id(), gh().sessions().resolve(in.cookie().value(), true).orElseThrow().user().id());
    }

    @Test
    void wrongPasswordAndUnknownEmailAreTheSameError() {
        signUp("a@b.com");
        InvalidCredentialsException wrong = assertThrows(InvalidCredentialsException.class,
                () -> auth().signIn("a@b.com", "not-the-password", null, null));
        InvalidCredentialsException unknown = assertThrows(InvalidCredentialsException.class,
                () -> auth().signIn("ghost@b.com", PW, null, null));
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals("invalid_credentials", unknown.code().wire());
        assertFalse(unknown.getMessage().toLowerCase().contains("exist"));
    }

    @Test
    void ipLimitRefusesEvenTheRightPassword() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(2));
        g.auth().signUp("a@b.com", null, PW, null, null);
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-pass-1", "9.9.9.9", null));
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-pass-2", "9.9.9.9", null));
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, "9.9.9.9", null));
    }

    @Test
    void successClearsTheAccountCounterButNotTheIpBucket() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(4));
        g.auth().signUp("a@b.com", null, PW, null, null);
        g.auth().signUp("c@b.com", null, PW, null, null);
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-pass-1", "9.9.9.9", null));
        g.auth().signIn("a@b.com", PW, "9.9.9.9", null);
        // account counter cleared: more wrong guesses on a@b.com from other IPs stay "invalid"
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-pass-2", "5.5.5.5", null));
        // the IP bucket still holds the 2 earlier attempts: 2 more are allowed, the 5th is refused
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("c@b.com", "wrong-pass-3", "9.9.9.9", null));
        g.auth().signIn("c@b.com", PW, "9.9.9.9", null);
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("c@b.com", PW, "9.9.9.9", null));
    }

    @Test
    void floodFromManyIpsNeverLocksOutTheOwnerWithinTheHourlyWindow() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(3));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 6; i++) {
            String ip = "10.0.0." + i;
            AuthException e = assertThrows(AuthException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", ip, null));
            assertTrue(e instanceof InvalidCredentialsException || e instanceof RateLimitedException);
        }
        assertEquals("a@b.com", g.auth().signIn("a@b.com", PW, "10.9.9.9", null).user().email());
    }

    @Test
    void attemptsTheIdentifiersHourlyLimitRefusedDoNotCountTowardsTheLock() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(3).maxConsecutiveFailures(5));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 7; i++) {
            String ip = "10.0.0." + i;
            AuthException e = assertThrows(AuthException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", ip, null));
            assertEquals(i < 3 ? InvalidCredentialsException.class : RateLimitedException.class, e.getClass(), "attempt " + i);
        }
        // 3 counted failures of the 5 that lock: the owner still gets in
        assertEquals("a@b.com", g.auth().signIn("a@b.com", PW, "10.9.9.9", null).user().email());
    }

    @Test
    void attemptsTheIpLimitRefusedDoNotCountTowardsTheLock() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(2).maxConsecutiveFailures(3));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 5; i++) {
            AuthException e = assertThrows(AuthException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", "6.6.6.6", null));
            assertEquals(i < 2 ? InvalidCredentialsException.class : RateLimitedException.class, e.getClass(), "attempt " + i);
        }
        assertNotNull(g.auth().signIn("a@b.com", PW, "7.7.7.7", null));
    }

    @Test
    void pastTheHourlyCeilingAnUntrustedAttemptIsRefusedUncheckedUntilTheNextHour() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(2).maxConsecutiveFailures(3));
        String device = g.auth().signUp("a@b.com", null, PW, null, null).deviceCookie().orElseThrow().value();
        for (int i = 0; i < 5; i++) { // 2 counted and checked, 3 more checked only
            String ip = "10.0.0." + i;
            assertThrows(AuthException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", ip, null));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, "10.9.9.9", null));
        assertNotNull(g.auth().signIn("a@b.com", PW, "10.9.9.9", null, device)); // a trusted device is not held to it
        for (int i = 0; i < 6; i++) {
            String ip = "10.0.1." + i;
            assertThrows(AuthException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", ip, null));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, "10.9.9.8", null));
        CLOCK.advance(Duration.ofHours(1));
        assertNotNull(g.auth().signIn("a@b.com", PW, "10.9.9.8", null));
    }

    @Test
    void consecutiveFailureCapLocksTheAccountUntilLockoutEndsOrReset() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(5).lockoutSeconds(600).rateLimitSignInPerHour(1000));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null));
        }
        RateLimitedException locked = assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null));
        assertEquals(600, locked.retryAfterSeconds());
        CLOCK.advance(Duration.ofSeconds(300));
        // refused attempts do not extend the lock
        assertEquals(300, assertThrows(RateLimitedException.class,
                () -> g.auth().signIn("a@b.com", PW, null, null)).retryAfterSeconds());
        CLOCK.advance(Duration.ofSeconds(300));
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null));
    }

    @Test
    void passwordResetUnlocksALockedAccount() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(2).rateLimitSignInPerHour(1000));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 2; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null));
        String token = g.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        g.auth().resetPassword(token, PW2, null);
        assertNotNull(g.auth().signIn("a@b.com", PW2, null, null));
    }

    @Test
    void hundredAndFirstConsecutiveFailureIsRefusedByDefault() {
        Gatehouse g = gh(b -> b.rateLimitSignInPerHour(10_000));
        g.auth().signUp("a@b.com", null, PW, null, null);
        for (int i = 0; i < 100; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null));
    }

    @Test
    void overLengthPasswordIsInvalidCredentialsWithoutTouchingBuckets() {
        signUp("a@b.com");
        String huge = "x".repeat(1025);
        assertThrows(InvalidCredentialsException.class, () -> auth().signIn("a@b.com", huge, "1.2.3.4", null));
        assertThrows(InvalidCredentialsException.class, () -> auth().signIn("nobody@b.com", huge, "1.2.3.4", null));
        assertEquals(0, count("SELECT COUNT(*) FROM ratelimit_buckets"));
    }

    @Test
    void requireEmailVerifiedBlocksUntilConfirmed() {
        Gatehouse g = gh(b -> b.requireEmailVerified(true));
        String id = g.auth().signUp("a@b.com", null, PW, null, null).user().id();
        assertThrows(EmailNotVerifiedException.class, () -> g.auth().signIn("a@b.com", PW, null, null));
        String token = g.auth().requestEmailVerification(id);
        User u = g.auth().confirmEmail(token, null);
        assertTrue(u.emailVerified());
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null).cookie().value());
    }

    @Test
    void disabledAccountCannotSignInAndItsSessionsAndTokensStop() {
        SignInResult r = signUp("a@b.com");
        String raw = gh().apiTokens().create(r.user().id(), "ci", List.of("deploy"), 30).raw();
        assertTrue(admin().disableUser(r.user().id()));
        assertTrue(gh().sessions().resolve(r.cookie().value(), true).isEmpty());
        assertTrue(gh().apiTokens().resolve(raw, null).isEmpty());
        assertEquals("account_disabled", assertThrows(AccountDisabledException.class,
                () -> auth().signIn("a@b.com", PW, null, null)).code().wire());
        // a wrong password on a disabled account says nothing about the account
        assertThrows(InvalidCredentialsException.class, () -> auth().signIn("a@b.com", "wrong-guess", null, null));
        assertTrue(admin().enableUser(r.user().id()));
        assertNotNull(auth().signIn("a@b.com", PW, null, null));
        assertFalse(admin().disableUser("missing"));
    }

    @Test
    void deleteUserRemovesEverythingOfTheAccount() {
        SignInResult r = signUp("a@b.com");
        String id = r.user().id();
        gh().apiTokens().create(id, "ci", List.of("deploy"), 30);
        gh().roles().defineRole("editor", List.of("posts.*"));
        gh().roles().grantRole(id, "editor");
        auth().requestEmailVerification(id);
        assertTrue(admin().deleteUser(id));
        assertTrue(auth().findUser(id).isEmpty());
        for (String t : new String[] {"users", "sessions", "api_tokens", "user_roles", "auth_tokens"}) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + t), t);
        }
        assertFalse(admin().deleteUser(id));
    }

    @Test
    void changePasswordEndsEverySessionAndVoidsPendingResetLinks() {
        SignInResult r = signUp("a@b.com");
        String reset = auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        auth().changePassword(r.user().id(), PW, PW2);
        assertTrue(gh().sessions().resolve(r.cookie().value(), true).isEmpty());
        assertThrows(InvalidCredentialsException.class, () -> auth().signIn("a@b.com", PW, null, null));
        assertNotNull(auth().signIn("a@b.com", PW2, null, null));
        assertThrows(InvalidTokenException.class, () -> auth().resetPassword(reset, "another-fine-phrase", null));
    }

    @Test
    void changePasswordChecksPolicyFirstThenCurrentPassword() {
        String id = signUp("a@b.com").user().id();
        assertThrows(WeakPasswordException.class, () -> auth().changePassword(id, "wrong-current", "short"));
        assertThrows(InvalidCredentialsException.class, () -> auth().changePassword(id, "wrong-current", PW2));
        assertThrows(InvalidCredentialsException.class, () -> auth().changePassword("missing", PW, PW2));
    }

    @Test
    void apiTokensSurvivePasswordChangeUnlessConfigured() {
        String id = signUp("a@b.com").user().id();
        String raw = gh().apiTokens().create(id, "ci", List.of("deploy"), 30).raw();
        auth().changePassword(id, PW, PW2);
        assertTrue(gh().apiTokens().resolve(raw, null).isPresent());
        Gatehouse strict = gh(b -> b.revokeApiTokensOnPasswordChange(true));
        strict.auth().changePassword(id, PW2, PW);
        assertTrue(gh().apiTokens().resolve(raw, null).isEmpty());
    }

    @Test
    void passwordResetRoundTrip() {
        String id = signUp("a@b.com").user().id();
        SignInResult other = auth().signIn("a@b.com", PW, null, null);
        PasswordResetToken t = auth().requestPasswordReset("A@B.com ", "1.1.1.1").orElseThrow();
        assertEquals("a@b.com", t.user().email());
        assertFalse(t.toString().contains(t.rawToken()));
        assertEquals(id, auth().resetPassword(t.rawToken(), PW2, "1.1.1.1").id());
        assertThrows(InvalidCredentialsException.class, () -> auth().signIn("a@b.com", PW, null, null));
        assertNotNull(auth().signIn("a@b.com", PW2, null, null));
        assertTrue(gh().sessions().resolve(other.cookie().value(), true).isEmpty());
        assertThrows(InvalidTokenException.class, () -> auth().resetPassword(t.rawToken(), "yet-another-phrase", null));
    }

    @Test
    void resetForUnknownEmailIsEmptyAndHitsTheSameWall() {
        signUp("a@b.com");
        for (int i = 0; i < 3; i++) {
            assertTrue(auth().requestPasswordReset("ghost@b.com", null).isEmpty());
            assertTrue(auth().requestPasswordReset("a@b.com", null).isPresent());
        }
        assertThrows(RateLimitedException.class, () -> auth().requestPasswordReset("ghost@b.com", null));
        assertThrows(RateLimitedException.class, () -> auth().requestPasswordReset("a@b.com", null));
    }

    @Test
    void unknownEmailResetsKeepAtMostThreeUnusedSentinelTokensLikeARealAccount() {
        for (String e : new String[] {"g1@b.com", "g2@b.com", "g3@b.com", "g4@b.com"}) {
            assertTrue(auth().requestPasswordReset(e, null).isEmpty());
        }
        assertEquals(3, count("SELECT COUNT(*) FROM auth_tokens WHERE used_at IS NULL"));
        assertEquals(4, count("SELECT COUNT(*) FROM auth_tokens WHERE user_id <> 'x'"));
    }

    @Test
    void weakNewPasswordDoesNotBurnTheResetToken() {
        signUp("margaret@b.com");
        String raw = auth().requestPasswordReset("margaret@b.com", null).orElseThrow().rawToken();
        assertThrows(WeakPasswordException.class, () -> auth().resetPassword(raw, "short", null));
        assertThrows(WeakPasswordException.class, () -> auth().resetPassword(raw, "margaret-rules-ok", null));
        assertNotNull(auth().resetPassword(raw, PW2, null));
    }

    @Test
    void resetAndVerifyTokensAreNotInterchangeable() {
        String id = signUp("a@b.com").user().id();
        String reset = auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        String verify = auth().requestEmailVerification(id);
        assertThrows(InvalidTokenException.class, () -> auth().resetPassword(verify, PW2, null));
        assertThrows(InvalidTokenException.class, () -> auth().confirmEmail(reset, null));
        assertThrows(InvalidTokenException.class, () -> auth().resetPassword("not-a-real-token", PW2, null));
        assertThrows(InvalidTokenException.class, () -> auth().confirmEmail("nope", null));
    }

    @Test
    void emailVerificationIsSingleUseAndChecksTheAccount() {
        String id = signUp("a@b.com").user().id();
        assertNull(auth().findUser(id).orElseThrow().emailVerifiedAt());
        String token = auth().requestEmailVerification(id);
        assertEquals(CLOCK.instant(), auth().confirmEmail(token, null).emailVerifiedAt());
        assertThrows(InvalidTokenException.class, () -> auth().confirmEmail(token, null));
        assertThrows(AuthException.class, () -> auth().requestEmailVerification(id)); // already verified
        assertThrows(AuthException.class, () -> auth().requestEmailVerification("missing"));
    }

    @Test
    void verificationEmailsAreRateLimitedPerUser() {
        String id = signUp("a@b.com").user().id();
        for (int i = 0; i < 3; i++) {
            auth().requestEmailVerification(id);
        }
        assertThrows(RateLimitedException.class, () -> auth().requestEmailVerification(id));
    }

    @Test
    void tokenRedemptionIsRateLimitedPerIp() {
        Gatehouse g = gh(b -> b.rateLimitTokenRedeemPerHour(2));
        assertThrows(InvalidTokenException.class, () -> g.auth().confirmEmail("guess-1", "6.6.6.6"));
        assertThrows(InvalidTokenException.class, () -> g.auth().resetPassword("guess-2", PW2, "6.6.6.6"));
        assertThrows(RateLimitedException.class, () -> g.auth().confirmEmail("guess-3", "6.6.6.6"));
    }

    @Test
    void rehashOnSignInUpgradesOldParameters() {
        String id = signUp("a@b.com").user().id();
        String before = rows("SELECT password_hash FROM users").get(0).get(0);
        Gatehouse stronger = gh(b -> b.argonTimeCost(2).argonMemoryKib(16));
        stronger.auth().signIn("a@b.com", PW, null, null);
        String after = rows("SELECT password_hash FROM users").get(0).get(0);
        assertTrue(before.contains("m=8,t=1,p=1"), before);
        assertTrue(after.startsWith("$argon2id$v=19$m=16,t=2,p=1$"), after);
        assertNotNull(stronger.auth().signIn("a@b.com", PW, null, null));
        assertEquals(id, stronger.admin().findUserByEmail("A@B.com").orElseThrow().id());
    }

    @Test
    void importedPbkdf2HashSignsInOnceAndIsUpgradedToArgon2id() {
        String id = signUp("imported@b.com").user().id();
        // Soteria Pbkdf2PasswordHash format, computed independently with the JDK
        String pbkdf2 = PasswordHasherTest.soteriaPbkdf2("legacy-password-1", 1024);
        exec("UPDATE users SET password_hash = '" + pbkdf2 + "' WHERE id = '" + id + "'");
        assertNotNull(auth().signIn("imported@b.com", "legacy-password-1", null, null));
        assertTrue(rows("SELECT password_hash FROM users").get(0).get(0).startsWith("$argon2id$"));
        assertNotNull(auth().signIn("imported@b.com", "legacy-password-1", null, null));
    }

    @Test
    void sameSaltNeverRepeats() {
        auth().signUp("a@b.com", null, PW, null, null);
        auth().signUp("b@b.com", null, PW, null, null);
        List<List<String>> hashes = rows("SELECT password_hash FROM users");
        assertNotEquals(hashes.get(0).get(0), hashes.get(1).get(0));
    }

    @Test
    void listUsersPagesOldestFirst() {
        for (int i = 0; i < 3; i++) {
            signUp("p" + i + "@b.com");
            CLOCK.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of("p0@b.com", "p1@b.com"), admin().listUsers(0, 2).stream().map(User::email).toList());
        assertEquals(List.of("p2@b.com"), admin().listUsers(2, 2).stream().map(User::email).toList());
        assertThrows(IllegalArgumentException.class, () -> admin().listUsers(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> admin().listUsers(0, 0));
    }

    @Test
    void usernameModeSignsUpAndInByHandle() {
        Gatehouse g = gh(b -> b.identifier(Identifier.USERNAME));
        SignInResult r = g.auth().signUp(null, "Ada_Lovelace", PW, null, null);
        assertEquals("ada_lovelace", r.user().username());
        assertNull(r.user().email());
        assertEquals(r.user().id(), g.auth().verifyCredentials("ADA_LOVELACE", PW, null).id());
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("ada_lovelace", "wrong-guess", null, null));
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("nobody", PW, null, null));
        AccountExistsException dup = assertThrows(AccountExistsException.class,
                () -> g.auth().signUp(null, "ADA_LOVELACE", PW, null, null));
        assertTrue(dup.getMessage().contains("username") && !dup.getMessage().contains("email"));
        assertThrows(AuthException.class, () -> g.auth().signUp("only@email.com", null, PW, null, null));
        assertThrows(AuthException.class, () -> g.auth().signUp(null, "admin", PW, null, null));
        assertThrows(AuthException.class, () -> g.auth().signUp(null, "no spaces", PW, null, null));
    }

    @Test
    void usernameModeStoresOptionalEmailAndDoesNotBlockEmaillessAccounts() {
        Gatehouse g = gh(b -> b.identifier(Identifier.USERNAME).requireEmailVerified(true));
        User withEmail = g.auth().signUp("Ada@Example.com", "ada", PW, null, null).user();
        assertEquals("ada@example.com", withEmail.email());
        g.auth().signUp(null, "grace", PW, null, null);
        assertNotNull(g.auth().signIn("grace", PW, null, null));
        assertThrows(EmailNotVerifiedException.class, () -> g.auth().signIn("ada", PW, null, null));
    }

    @Test
    void usernameAvailabilityFollowsPolicyAndIsLimitedPerIp() {
        Gatehouse g = gh(b -> b.identifier(Identifier.USERNAME).rateLimitUsernameCheckPerHour(2));
        assertTrue(g.auth().usernameAvailable("free_handle", null));
        g.auth().signUp(null, "taken", PW, null, null);
        assertFalse(g.auth().usernameAvailable("TAKEN", null));
        assertTrue(assertThrows(AuthException.class, () -> g.auth().usernameAvailable("admin", null))
                .getMessage().contains("reserved"));
        assertTrue(g.auth().usernameAvailable("one-a", "9.9.9.9"));
        assertTrue(g.auth().usernameAvailable("one-b", "9.9.9.9"));
        assertThrows(RateLimitedException.class, () -> g.auth().usernameAvailable("one-c", "9.9.9.9"));
        assertTrue(g.auth().usernameAvailable("one-c", "8.8.8.8"));
    }

    // ---- hardening ------------------------------------------------------------------------

    @Test
    void wrongCurrentPasswordsAreLimitedPerSession() {
        Gatehouse g = gh(b -> b.rateLimitPasswordChangePerHour(3));
        String id = g.auth().signUp("a@b.com", null, PW, null, null).user().id();
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().changePassword(id, "session-1", "wrong-guess", PW2));
        }
        RateLimitedException limited = assertThrows(RateLimitedException.class,
                () -> g.auth().changePassword(id, "session-1", PW, PW2));
        assertTrue(limited.retryAfterSeconds() > 0);
        g.auth().changePassword(id, "session-2", PW, PW2); // another session has its own allowance
        assertNotNull(g.auth().signIn("a@b.com", PW2, null, null));
    }

    @Test
    void wrongCurrentPasswordsCountTowardsTheAccountLock() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(4).lockoutSeconds(600).rateLimitPasswordChangePerHour(100));
        String id = g.auth().signUp("a@b.com", null, PW, null, null).user().id();
        for (int i = 0; i < 4; i++) {
            String session = "session-" + i; // spread over sessions: the account lock still adds them up
            assertThrows(InvalidCredentialsException.class, () -> g.auth().changePassword(id, session, "wrong-guess", PW2));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().changePassword(id, "session-9", PW, PW2));
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null));
        CLOCK.advance(Duration.ofSeconds(600));
        g.auth().changePassword(id, "session-9", PW, PW2);
    }

    @Test
    void rightCurrentPasswordClearsEarlierFailures() {
        Gatehouse g = gh(b -> b.maxConsecutiveFailures(3).rateLimitPasswordChangePerHour(100));
        String id = g.auth().signUp("a@b.com", null, PW, null, null).user().id();
        for (int i = 0; i < 2; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().changePassword(id, "s", "wrong-guess", PW2));
        }
        g.auth().changePassword(id, "s", PW, PW2);
        for (int i = 0; i < 2; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null));
        }
        assertNotNull(g.auth().signIn("a@b.com", PW2, null, null));
    }

    @Test
    void withRequiredVerificationSignUpOpensNoSessionAndMintsNoToken() {
        Gatehouse g = gh(b -> b.requireEmailVerified(true));
        SignInResult r = g.auth().signUp("a@b.com", null, PW, null, null);
        assertFalse(r.signedIn());
        assertNull(r.cookie());
        assertEquals(0, count("SELECT COUNT(*) FROM sessions"));
        assertThrows(EmailNotVerifiedException.class, () -> g.apiTokens().create(r.user().id(), "ci", List.of("a"), 30));
        g.auth().confirmEmail(g.auth().requestEmailVerification(r.user().id()), null);
        assertNotNull(g.apiTokens().create(r.user().id(), "ci", List.of("a"), 30).raw());
    }

    @Test
    void withRequiredVerificationEarlierSessionsAndTokensOfUnverifiedAccountsStopWorking() {
        SignInResult r = signUp("a@b.com"); // made before the setting was turned on
        String raw = gh().apiTokens().create(r.user().id(), "ci", List.of("a"), 30).raw();
        Gatehouse g = gh(b -> b.requireEmailVerified(true));
        assertTrue(g.apiTokens().resolve(raw, null).isEmpty());
        g.auth().confirmEmail(g.auth().requestEmailVerification(r.user().id()), null);
        assertTrue(g.apiTokens().resolve(raw, null).isPresent());
    }

    @Test
    void verificationCanBeRequestedByAddressWithoutRevealingTheAccount() {
        String id = signUp("a@b.com").user().id();
        EmailToken t = auth().requestEmailVerificationByEmail("A@B.com", "1.1.1.1").orElseThrow();
        assertEquals(id, t.user().id());
        assertFalse(t.toString().contains(t.rawToken()));
        assertTrue(auth().requestEmailVerificationByEmail("ghost@b.com", "1.1.1.1").isEmpty());
        auth().confirmEmail(t.rawToken(), null);
        assertTrue(auth().requestEmailVerificationByEmail("a@b.com", "1.1.1.1").isEmpty(), "already verified");
    }

    @Test
    void aNewResetRequestKeepsTheEarlierLinkValid() {
        signUp("a@b.com");
        String first = auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        String second = auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        auth().resetPassword(first, PW2, null);
        assertThrows(InvalidTokenException.class, () -> auth().resetPassword(second, "another-fine-phrase", null),
                "using one link voids the others");
        assertNotNull(auth().signIn("a@b.com", PW2, null, null));
    }

    @Test
    void atMostThreeResetLinksStayLiveOldestVoidedFirst() {
        signUp("a@b.com");
        Gatehouse g = gh(b -> b.rateLimitPasswordResetPerHour(100));
        String oldest = g.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        CLOCK.advance(Duration.ofSeconds(1));
        String[] newer = new String[3];
        for (int i = 0; i < 3; i++) {
            newer[i] = g.auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
            CLOCK.advance(Duration.ofSeconds(1));
        }
        assertThrows(InvalidTokenException.class, () -> g.auth().resetPassword(oldest, PW2, null));
        g.auth().resetPassword(newer[0], PW2, null);
    }

    @Test
    void passwordResetRevokesApiTokensButAChangeKeepsThemByDefault() {
        String id = signUp("a@b.com").user().id();
        String raw = gh().apiTokens().create(id, "ci", List.of("deploy"), 30).raw();
        auth().changePassword(id, PW, PW2);
        assertTrue(gh().apiTokens().resolve(raw, null).isPresent());
        String reset = auth().requestPasswordReset("a@b.com", null).orElseThrow().rawToken();
        auth().resetPassword(reset, PW, null);
        assertTrue(gh().apiTokens().resolve(raw, null).isEmpty());
    }

    @Test
    void atMostNSessionsPerUserTheOldestEnded() {
        Gatehouse g = gh(b -> b.maxSessionsPerUser(2));
        SignInResult first = g.auth().signUp("a@b.com", null, PW, null, null);
        CLOCK.advance(Duration.ofSeconds(1));
        SignInResult second = g.auth().signIn("a@b.com", PW, null, null);
        CLOCK.advance(Duration.ofSeconds(1));
        SignInResult third = g.auth().signIn("a@b.com", PW, null, null);
        assertTrue(g.sessions().resolve(first.cookie().value(), false).isEmpty());
        assertTrue(g.sessions().resolve(second.cookie().value(), false).isPresent());
        assertTrue(g.sessions().resolve(third.cookie().value(), false).isPresent());
        assertEquals(2, count("SELECT COUNT(*) FROM sessions"));
    }

    @Test
    void sessionsAreUnlimitedByDefault() {
        signUp("a@b.com");
        for (int i = 0; i < 5; i++) {
            auth().signIn("a@b.com", PW, null, null);
        }
        assertEquals(6, count("SELECT COUNT(*) FROM sessions"));
    }
}
