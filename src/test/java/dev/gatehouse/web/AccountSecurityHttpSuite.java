package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.assertError;
import static dev.gatehouse.web.HttpApiSuite.body;
import static dev.gatehouse.web.HttpApiSuite.email;
import static dev.gatehouse.web.MfaSteps.code;
import static dev.gatehouse.web.MfaSteps.nextCode;
import static dev.gatehouse.web.MfaSteps.wrongCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.MfaSteps.Enrolled;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two-factor sign-in, the account's factors, re-authentication and email change, black-box over
 * HTTP: every row and error of issue 14's JSON API. Codes are computed from the secret the API
 * returns with an independent RFC 6238 helper, at the test clock's time; one subclass per
 * integration mode.
 */
public abstract class AccountSecurityHttpSuite extends RestartableServerSuite {

    static final String PW = HttpApiSuite.PW;
    static final String SESSION = "gatehouse_session";
    static final String PENDING = "gatehouse_mfa";
    static final String DEVICE = "gatehouse_device";
    static final String STAFF = "staff";
    /** maxConsecutiveFailures: low, so the lock is reached in a few pending sign-ins. */
    static final int LOCK_AT = 12;

    DevOutboxMailer outbox;

    @BeforeAll
    void boot() throws Exception {
        outbox = new DevOutboxMailer();
        TestBeans.mailer = outbox;
        TestBeans.clock.set(MutableClock.T0);
        settings = TestServer.settings().rateLimitSignInPerHour(1000).rateLimitSignUpPerHour(1000)
                .rateLimitTokenRedeemPerHour(1000).rateLimitVerificationEmailPerHour(100).maxConsecutiveFailures(LOCK_AT)
                .mfaRequiredRoles(Set.of(STAFF)).build();
        startOwnServer();
        CDI.current().select(RoleService.class).get().defineRole(STAFF, List.of("reports.view"));
    }

    // --- two-step sign-in ------------------------------------------------------------------

    @Test
    void aRightPasswordOpensNoSessionUntilTheCodeAndThenASessionThatRecordsBothFactors() throws Exception {
        String e = email();
        CookieJar browser = signUp(e);
        Enrolled app = MfaSteps.enrol(http, browser);
        String before = browser.get(SESSION);

        Http.Res first = browser.post(http, "/auth/login", credentials(e));
        assertError(first, 401, "mfa_required");
        assertEquals(List.of("totp", "recovery_code"), methods(first));
        assertTrue(first.header("WWW-Authenticate").orElseThrow().startsWith("Bearer "), first.headers("WWW-Authenticate").toString());
        assertTrue(first.cookie(SESSION).isEmpty(), "no session before the second factor");
        assertTrue(first.cookie(DEVICE).isEmpty(), "no device cookie before the second factor");
        assertPendingCookie(first.setCookie(PENDING), PENDING, false);
        assertTrue(browser.has(PENDING));

        Http.Res second = browser.post(http, "/auth/mfa/verify", code(nextCode(app.secret())));
        assertEquals(200, second.status(), second.body());
        assertEquals(e, second.json().getJsonObject("user").getString("email"));
        assertTrue(second.cookie(SESSION).isPresent() && second.cookie(DEVICE).isPresent(), second.headers("Set-Cookie").toString());
        assertTrue(second.setCookie(PENDING).startsWith(PENDING + "=;") && second.setCookie(PENDING).contains("Max-Age=0"),
                second.setCookie(PENDING));
        assertFalse(browser.has(PENDING), "the pending cookie is deleted");
        assertNotEquals(before, browser.get(SESSION));
        assertTrue(http.get("/auth/me", cookie(before)).json().isNull("user"), "the session the request carried ended");

        JsonObject me = browser.get(http, "/auth/me").json();
        assertEquals(e, me.getJsonObject("user").getString("email"));
        JsonObject how = me.getJsonObject("authentication");
        assertEquals(Set.of("password", "totp"), strings(how, "factors"));
        assertTrue(how.getBoolean("recent"));
        assertEquals(TestBeans.clock.instant(), Instant.parse(how.getString("at")));
        assertFalse(me.containsKey("mfaEnrolmentRequired"));
    }

    @Test
    void thePendingCookieIsAnonymousToEveryGuard() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        String pending = pendingSignIn(e);
        String[] only = {"Cookie", PENDING + "=" + pending, "Accept", "application/json"};

        assertTrue(http.get("/auth/me", only).json().isNull("user"));
        assertError(http.get("/auth/sessions", only), 401, "auth_required");
        assertError(http.get("/auth/mfa", only), 401, "auth_required");
        assertError(http.post("/auth/mfa/totp", null, only), 401, "auth_required");
        assertError(http.post("/auth/reauth", body("password", PW), only), 401, "auth_required");
        assertEquals(401, http.get("/admin", only).status(), "an application URL guarded for a role");
        assertEquals(401, http.post("/reports", null, only).status(), "an application guard requiring a user");
        assertTrue(http.get("/whoami", only).body().startsWith("principal= remote=null"), http.get("/whoami", only).body());
        assertTrue(http.get("/auth/me", cookie(pending)).json().isNull("user"), "nor is it a session under the session's name");

        Http.Res done = http.post("/auth/mfa/verify", code(nextCode(app.secret())), "Cookie", PENDING + "=" + pending);
        assertEquals(200, done.status(), "the pending sign-in itself is untouched: " + done.body());
    }

    @Test
    void aWrongCodeLeavesThePendingSignInAndAUsedCodeIsRefused() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        String pending = pendingSignIn(e);

        Http.Res wrong = verify(pending, wrongCode(app.secret()));
        assertError(wrong, 401, "invalid_mfa_code");
        assertTrue(wrong.header("WWW-Authenticate").isPresent());
        assertTrue(wrong.cookie(PENDING).isEmpty(), "a wrong code keeps the pending cookie");
        assertError(verify(pending, "not a code"), 401, "invalid_mfa_code");
        assertError(http.post("/auth/mfa/verify", "{}", "Cookie", PENDING + "=" + pending), 400, "invalid_request");

        String code = nextCode(app.secret());
        assertEquals(200, verify(pending, code).status());
        Http.Res spent = verify(pending, code);
        assertError(spent, 401, "mfa_challenge_invalid");
        assertTrue(spent.setCookie(PENDING).contains("Max-Age=0"), "a spent pending cookie is deleted");

        assertError(verify(pendingSignIn(e), code), 401, "invalid_mfa_code"); // the same code, a new sign-in
    }

    @Test
    void fiveCodesUseUpAPendingSignIn() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        String pending = pendingSignIn(e);
        for (int i = 0; i < 5; i++) {
            assertError(verify(pending, wrongCode(app.secret())), 401, "invalid_mfa_code");
        }
        Http.Res used = verify(pending, nextCode(app.secret()));
        assertError(used, 401, "mfa_challenge_invalid");
        assertTrue(used.setCookie(PENDING).startsWith(PENDING + "=;"), used.setCookie(PENDING));
        assertEquals(200, verify(pendingSignIn(e), nextCode(app.secret())).status(), "a new sign-in starts afresh");
    }

    @Test
    void aPendingSignInExpiresAndAMissingOneIsRefused() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        String pending = pendingSignIn(e);
        TestBeans.clock.advance(Duration.ofSeconds(301)); // mfaChallengeSeconds: 300
        Http.Res late = verify(pending, nextCode(app.secret()));
        assertError(late, 401, "mfa_challenge_invalid");
        assertTrue(late.setCookie(PENDING).contains("Max-Age=0"));
        assertError(http.post("/auth/mfa/verify", code("123456")), 401, "mfa_challenge_invalid");
        assertError(verify("A".repeat(43), "123456"), 401, "mfa_challenge_invalid");
        assertError(verify("not-a-pending-value", "123456"), 401, "mfa_challenge_invalid");
    }

    @Test
    void aRecoveryCodeSignsInOnce() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        assertEquals(10, app.recoveryCodes().size());
        assertEquals(10, new HashSet<>(app.recoveryCodes()).size());
        app.recoveryCodes().forEach(c -> assertTrue(c.matches("[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){5}"), c));

        CookieJar browser = new CookieJar();
        assertError(browser.post(http, "/auth/login", credentials(e)), 401, "mfa_required");
        assertEquals(200, browser.post(http, "/auth/mfa/verify", code(app.recoveryCodes().get(0))).status());
        assertEquals(Set.of("password", "recovery_code"),
                strings(browser.get(http, "/auth/me").json().getJsonObject("authentication"), "factors"));
        assertEquals(9, browser.get(http, "/auth/mfa").json().getInt("recoveryCodesLeft"));

        String again = pendingSignIn(e);
        assertError(verify(again, app.recoveryCodes().get(0)), 401, "invalid_mfa_code");
        String typed = app.recoveryCodes().get(1).toUpperCase(java.util.Locale.ROOT).replace('-', ' ');
        assertEquals(200, verify(again, typed).status(), "typed in capitals with spaces");
    }

    @Test
    void wrongCodesFeedTheAccountLockWhichRefusesEvenTheRightCode() throws Exception {
        String e = email();
        Enrolled app = MfaSteps.enrol(http, signUp(e));
        String first = pendingSignIn(e);
        String second = pendingSignIn(e); // a right password alone takes its own count back
        for (int i = 0; i < 5; i++) {
            assertError(verify(first, wrongCode(app.secret())), 401, "invalid_mfa_code");
            assertError(verify(second, wrongCode(app.secret())), 401, "invalid_mfa_code");
        }
        String third = pendingSignIn(e);
        for (int i = 10; i < LOCK_AT; i++) {
            assertError(verify(third, wrongCode(app.secret())), 401, "invalid_mfa_code");
        }
        Http.Res locked = verify(third, nextCode(app.secret()));
        assertError(locked, 429, "rate_limited");
        assertTrue(Long.parseLong(locked.header("Retry-After").orElseThrow()) >= 1);
        assertError(http.post("/auth/login", credentials(e)), 429, "rate_limited");
    }

    @Test
    void crossSiteVerifyAndReauthAreRefused() throws Exception {
        String e = email();
        CookieJar browser = signUp(e);
        Enrolled app = MfaSteps.enrol(http, browser);
        String pending = pendingSignIn(e);
        String code = nextCode(app.secret());
        assertError(verify(pending, code, "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertError(verify(pending, code, "Origin", "https://evil.example"), 403, "csrf");
        assertEquals(200, verify(pending, code, "Sec-Fetch-Site", "same-origin").status(), "the refused posts used no code");

        assertError(browser.post(http, "/auth/reauth", body("password", PW), "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertError(browser.post(http, "/auth/reauth", body("password", PW), "Origin", "https://evil.example"), 403, "csrf");
        assertError(browser.post(http, "/auth/mfa/totp/confirm", code("123456"), "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertError(browser.send(http, "DELETE", "/auth/mfa/totp", null, "Sec-Fetch-Site", "cross-site"), 403, "csrf");
        assertEquals(200, browser.post(http, "/auth/reauth", body("password", PW), "Sec-Fetch-Site", "same-origin").status());
    }

    // --- the account's factors -------------------------------------------------------------

    @Test
    void anAppIsEnrolledConfirmedGivenNewRecoveryCodesAndRemoved() throws Exception {
        String e = email();
        CookieJar browser = signUp(e);
        assertEquals(status(false, 0, false, false), browser.get(http, "/auth/mfa").json());
        assertError(browser.post(http, "/auth/mfa/totp/confirm", code("123456")), 409, "mfa_not_enabled");
        assertError(browser.post(http, "/auth/mfa/recovery-codes", null), 409, "mfa_not_enabled");

        Http.Res begun = browser.post(http, "/auth/mfa/totp", null);
        assertEquals(201, begun.status(), begun.body());
        String secret = begun.json().getString("secret");
        assertTrue(secret.matches("[A-Z2-7]{32}"), secret);
        String uri = begun.json().getString("otpauthUri");
        assertTrue(uri.startsWith("otpauth://totp/") && uri.contains("secret=" + secret), uri);
        assertTrue(begun.json().getString("qrSvg").startsWith("<svg"));
        assertEquals(status(false, 0, false, false), browser.get(http, "/auth/mfa").json(), "not active before confirmed");
        assertEquals(200, http.post("/auth/login", credentials(e)).status(), "an unconfirmed app does not sign in");

        assertError(browser.post(http, "/auth/mfa/totp/confirm", code(wrongCode(secret))), 401, "invalid_mfa_code");
        assertError(browser.post(http, "/auth/mfa/totp/confirm", "{}"), 400, "invalid_request");
        Http.Res confirmed = browser.post(http, "/auth/mfa/totp/confirm", code(nextCode(secret)));
        assertEquals(200, confirmed.status(), confirmed.body());
        List<String> codes = codes(confirmed);
        assertEquals(10, codes.size());
        assertError(browser.post(http, "/auth/mfa/totp/confirm", code(nextCode(secret))), 409, "mfa_already_enabled");
        assertError(browser.post(http, "/auth/mfa/totp", null), 409, "mfa_already_enabled");
        assertEquals(status(true, 10, false, false), browser.get(http, "/auth/mfa").json());

        List<String> fresh = codes(browser.post(http, "/auth/mfa/recovery-codes", null));
        assertEquals(10, fresh.size());
        assertTrue(fresh.stream().noneMatch(codes::contains));
        assertError(verify(pendingSignIn(e), codes.get(0)), 401, "invalid_mfa_code");
        assertEquals(200, verify(pendingSignIn(e), fresh.get(0)).status());

        Http.Res removed = browser.send(http, "DELETE", "/auth/mfa/totp", null);
        assertEquals(200, removed.status(), removed.body());
        assertTrue(removed.json().getBoolean("removed"));
        assertFalse(browser.send(http, "DELETE", "/auth/mfa/totp", null).json().getBoolean("removed"));
        assertEquals(200, http.post("/auth/login", credentials(e)).status(), "one step again");
        assertEquals(status(false, 0, false, false), browser.get(http, "/auth/mfa").json());
    }

    @Test
    void aSessionWhoseRolesRequireAFactorMayOnlyEnrolOne() throws Exception {
        String e = email();
        CookieJar signup = signUp(e);
        String id = signup.get(http, "/auth/me").json().getJsonObject("user").getString("id");
        CDI.current().select(RoleService.class).get().grantRole(id, STAFF);
        assertEquals(id, CDI.current().select(UserAdminService.class).get().findUserByEmail(e).orElseThrow().id());

        CookieJar browser = new CookieJar();
        Http.Res in = browser.post(http, "/auth/login", credentials(e));
        assertEquals(200, in.status(), in.body());
        assertTrue(in.json().getBoolean("mfaEnrolmentRequired"));
        assertTrue(browser.has(SESSION));
        JsonObject me = browser.get(http, "/auth/me").json();
        assertTrue(me.getBoolean("mfaEnrolmentRequired"), me.toString());
        assertTrue(me.isNull("user"), "anonymous to every guard: " + me);

        for (Http.Res refused : List.of(browser.get(http, "/auth/sessions"), browser.get(http, "/auth/tokens"),
                browser.post(http, "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"a\"]}"),
                browser.post(http, "/auth/reauth", body("password", PW)),
                browser.post(http, "/auth/sessions/revoke-others", null),
                browser.post(http, "/auth/email/change", body("newEmail", email())))) {
            assertError(refused, 403, "mfa_enrolment_required");
            assertEquals(List.of("totp"), methods(refused));
        }
        assertEquals(401, browser.get(http, "/admin", "Accept", "application/json").status());
        assertEquals(status(false, 0, true, true), browser.get(http, "/auth/mfa").json());

        TestBeans.clock.advance(Duration.ofSeconds(400)); // enrolment needs no re-authentication here
        Enrolled app = MfaSteps.enrol(http, browser);
        assertEquals(10, app.recoveryCodes().size());
        assertEquals(200, browser.get(http, "/auth/sessions").status(), "the same session, now a full one");
        JsonObject full = browser.get(http, "/auth/me").json();
        assertEquals(e, full.getJsonObject("user").getString("email"));
        assertFalse(full.containsKey("mfaEnrolmentRequired"));
        assertEquals(Set.of("password", "totp"), strings(full.getJsonObject("authentication"), "factors"));
        assertEquals(status(true, 10, true, false), browser.get(http, "/auth/mfa").json());

        Http.Res remove = browser.send(http, "DELETE", "/auth/mfa/totp", null);
        assertError(remove, 403, "permission_denied");
        assertError(http.post("/auth/login", credentials(e)), 401, "mfa_required");
    }

    @Test
    void factorRowsRefuseAnonymousCallersAndApiTokens() throws Exception {
        CookieJar browser = signUp(email());
        Http.Res created = browser.post(http, "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"*\"]}");
        assertEquals(201, created.status(), created.body());
        String[] bearer = {"Authorization", "Bearer " + created.json().getString("token")};
        String[][] callers = {new String[0], bearer};
        String[] codes = {"auth_required", "permission_denied"};
        for (int i = 0; i < callers.length; i++) {
            String[] who = callers[i];
            int status = i == 0 ? 401 : 403;
            assertError(http.get("/auth/mfa", who), status, codes[i]);
            assertError(http.post("/auth/mfa/totp", null, who), status, codes[i]);
            assertError(http.post("/auth/mfa/totp/confirm", code("123456"), who), status, codes[i]);
            assertError(http.send("DELETE", "/auth/mfa/totp", null, who), status, codes[i]);
            assertError(http.post("/auth/mfa/recovery-codes", null, who), status, codes[i]);
            assertError(http.post("/auth/reauth", body("password", PW), who), status, codes[i]);
            assertError(http.post("/auth/email/change", body("newEmail", email()), who), status, codes[i]);
            assertError(http.post("/auth/tokens", "{\"name\":\"x\",\"scopes\":[\"a\"]}", who), status, codes[i]);
            assertError(http.post("/auth/sessions/revoke-others", null, who), status, codes[i]);
            assertError(http.post("/auth/password", body("currentPassword", PW, "newPassword", "new-phrase-123"), who),
                    status, codes[i]);
        }
        assertFalse(http.get("/auth/me", bearer).json().containsKey("authentication"), "a token has no sign-in to show");
    }

    // --- re-authentication -----------------------------------------------------------------

    @Test
    void sensitiveRowsNeedARecentSignInAndReauthGrantsAnotherWindow() throws Exception {
        CookieJar browser = signUp(email());
        String token = "{\"name\":\"ci\",\"scopes\":[\"deploy\"]}";
        assertEquals(201, browser.post(http, "/auth/tokens", token).status());
        TestBeans.clock.advance(Duration.ofSeconds(301)); // reauthWindowSeconds: 300
        assertFalse(browser.get(http, "/auth/me").json().getJsonObject("authentication").getBoolean("recent"));

        for (Http.Res refused : List.of(browser.post(http, "/auth/tokens", token),
                browser.post(http, "/auth/password", body("currentPassword", PW, "newPassword", "new-phrase-123")),
                browser.post(http, "/auth/sessions/revoke-others", null),
                browser.post(http, "/auth/email/change", body("newEmail", email())),
                browser.post(http, "/auth/mfa/totp", null))) {
            assertError(refused, 403, "reauth_required");
            assertEquals(List.of("password"), methods(refused));
        }
        assertEquals(200, browser.get(http, "/auth/sessions").status(), "reading is not sensitive");

        assertError(browser.post(http, "/auth/reauth", body("password", "wrong-password")), 401, "invalid_credentials");
        assertError(browser.post(http, "/auth/reauth", "{}"), 400, "invalid_request");
        assertError(browser.post(http, "/auth/reauth", body("method", "sms", "code", "123456")), 400, "invalid_request");
        Http.Res again = browser.post(http, "/auth/reauth", body("password", PW));
        assertEquals(200, again.status(), again.body());
        assertEquals("{\"ok\":true}", again.body());
        JsonObject how = browser.get(http, "/auth/me").json().getJsonObject("authentication");
        assertTrue(how.getBoolean("recent"));
        assertEquals(TestBeans.clock.instant(), Instant.parse(how.getString("at")));
        assertEquals(201, browser.post(http, "/auth/tokens", token).status());
    }

    @Test
    void withAnAppTheSecondFactorsReauthenticateToo() throws Exception {
        CookieJar browser = signUp(email());
        Enrolled app = MfaSteps.enrol(http, browser);
        TestBeans.clock.advance(Duration.ofSeconds(301));
        for (Http.Res refused : List.of(browser.post(http, "/auth/mfa/recovery-codes", null),
                browser.send(http, "DELETE", "/auth/mfa/totp", null))) {
            assertError(refused, 403, "reauth_required");
            assertEquals(List.of("password", "totp", "recovery_code"), methods(refused));
        }
        assertError(browser.post(http, "/auth/reauth", body("method", "totp")), 400, "invalid_request");
        assertError(browser.post(http, "/auth/reauth", body("method", "totp", "code", wrongCode(app.secret()))),
                401, "invalid_mfa_code");
        assertEquals(200, browser.post(http, "/auth/reauth", body("method", "totp", "code", nextCode(app.secret()))).status());
        assertEquals(Set.of("totp"), strings(browser.get(http, "/auth/me").json().getJsonObject("authentication"), "factors"));
        List<String> fresh = codes(browser.post(http, "/auth/mfa/recovery-codes", null));

        TestBeans.clock.advance(Duration.ofSeconds(301));
        assertEquals(200, browser.post(http, "/auth/reauth", body("method", "recovery_code", "code", fresh.get(0))).status());
        assertEquals(9, browser.get(http, "/auth/mfa").json().getInt("recoveryCodesLeft"), "the code is used up");
        assertError(browser.post(http, "/auth/reauth", body("method", "recovery_code", "code", fresh.get(0))),
                401, "invalid_mfa_code");
        assertTrue(browser.send(http, "DELETE", "/auth/mfa/totp", null).json().getBoolean("removed"));
    }

    @Test
    void reauthIsLimitedPerSession() throws Exception {
        CookieJar browser = signUp(email());
        for (int i = 0; i < 10; i++) { // rateLimitPasswordChangePerHour: 10
            assertError(browser.post(http, "/auth/reauth", body("password", "wrong-password")), 401, "invalid_credentials");
        }
        Http.Res limited = browser.post(http, "/auth/reauth", body("password", PW));
        assertError(limited, 429, "rate_limited");
        assertTrue(limited.header("Retry-After").isPresent());
    }

    // --- email change ----------------------------------------------------------------------

    @Test
    void anEmailChangeIsConfirmedFromTheNewAddressAndEndsTheOtherSessions() throws Exception {
        String old = email();
        String next = email();
        CookieJar browser = signUp(old);
        CookieJar phone = new CookieJar();
        assertEquals(200, phone.post(http, "/auth/login", credentials(old)).status());

        Http.Res asked = browser.post(http, "/auth/email/change", body("newEmail", next));
        assertEquals(202, asked.status(), asked.body());
        assertEquals("{\"ok\":true}", asked.body());
        MailMessage link = lastMail(next);
        String token = token(link, "http://app.example.test/email/change?token=");
        MailMessage notice = lastMail(old);
        assertEquals("Your email address is being changed", notice.subject());
        assertTrue(notice.body().contains(next.charAt(0) + "***@example.com") && !notice.body().contains(next), notice.body());
        assertEquals(old, browser.get(http, "/auth/me").json().getJsonObject("user").getString("email"), "nothing changes yet");

        Http.Res confirmed = browser.post(http, "/auth/email/change/confirm", body("token", token));
        assertEquals(200, confirmed.status(), confirmed.body());
        JsonObject user = confirmed.json().getJsonObject("user");
        assertEquals(next, user.getString("email"));
        assertTrue(user.getBoolean("emailVerified"));
        assertEquals(next, browser.get(http, "/auth/me").json().getJsonObject("user").getString("email"), "the caller stays");
        assertTrue(phone.get(http, "/auth/me").json().isNull("user"), "every other session ended");
        assertEquals("Your email address was changed", lastMail(old).subject());

        assertError(browser.post(http, "/auth/email/change/confirm", body("token", token)), 400, "invalid_token");
        assertError(browser.post(http, "/auth/email/change/confirm", body("token", "bogus")), 400, "invalid_token");
        assertError(http.post("/auth/login", credentials(old)), 401, "invalid_credentials");
        assertEquals(200, http.post("/auth/login", credentials(next)).status());
    }

    @Test
    void anAddressInUseIsAnsweredExactlyLikeAFreeOne() throws Exception {
        String taken = email();
        signUp(taken);
        String mine = email();
        CookieJar browser = signUp(mine);
        int before = outbox.messages().size();

        Http.Res toTaken = browser.post(http, "/auth/email/change", body("newEmail", taken));
        Http.Res toFree = browser.post(http, "/auth/email/change", body("newEmail", email()));
        assertEquals(202, toTaken.status());
        assertEquals(toFree.status(), toTaken.status());
        assertEquals(toFree.body(), toTaken.body());
        assertEquals(headerNames(toFree), headerNames(toTaken));

        MailMessage inUse = lastMail(taken);
        assertEquals("Confirm your new email address", inUse.subject(), "the same subject as a link");
        assertTrue(inUse.body().contains("already belongs to another account") && !inUse.body().contains("token="),
                inUse.body());
        assertEquals(before + 4, outbox.messages().size(), "a mail to each new address, a notice to the old one each time");
        assertEquals(2, outbox.messages().subList(before, before + 4).stream().filter(m -> m.to().equals(mine)).count());
        assertEquals(mine, browser.get(http, "/auth/me").json().getJsonObject("user").getString("email"));
    }

    @Test
    void emailChangeErrors() throws Exception {
        CookieJar browser = signUp(email());
        assertError(browser.post(http, "/auth/email/change", "{}"), 400, "invalid_request");
        assertError(browser.post(http, "/auth/email/change", body("newEmail", "nope")), 400, "auth_error");
        assertError(browser.post(http, "/auth/email/change", body("newEmail", email()), "Sec-Fetch-Site", "cross-site"),
                403, "csrf");
        assertError(browser.post(http, "/auth/email/change/confirm", body("token", "bogus"), "Sec-Fetch-Site", "cross-site"),
                403, "csrf");
        assertError(http.post("/auth/email/change/confirm", "{}"), 400, "invalid_request");
    }

    // --- settings that change the answers: a second server each ----------------------------

    @Test
    void aSecurePendingCookieIsHostPrefixedAndReadOnlyUnderThatName() throws Exception {
        try (Variant v = variant(settings.toBuilder().cookieSecure(true).jdbcUrl(freshDatabase()).build())) {
            String e = email();
            Http.Res up = v.http.post("/auth/signup", credentials(e));
            String[] session = {"Cookie", "__Host-" + SESSION + "=" + up.cookie("__Host-" + SESSION).orElseThrow()};
            Enrolled app = MfaSteps.enrol(v.http, session);
            Http.Res in = v.http.post("/auth/login", credentials(e));
            assertError(in, 401, "mfa_required");
            String header = in.setCookie("__Host-" + PENDING);
            assertPendingCookie(header, "__Host-" + PENDING, true);
            String value = in.cookie("__Host-" + PENDING).orElseThrow();
            assertError(v.http.post("/auth/mfa/verify", code(nextCode(app.secret())), "Cookie", PENDING + "=" + value),
                    401, "mfa_challenge_invalid");
            Http.Res done = v.http.post("/auth/mfa/verify", code(nextCode(app.secret())), "Cookie", "__Host-" + PENDING + "=" + value);
            assertEquals(200, done.status(), done.body());
            assertTrue(done.setCookie("__Host-" + PENDING).contains("Max-Age=0"));
        }
    }

    @Test
    void strictModeWithoutSecretKeysCannotEnrol() throws Exception {
        AuthSettings strict = settings.toBuilder().strict(true).cookieSecure(true).argonMemoryKib(7168).argonTimeCost(5)
                .publicBaseUrl("https://app.example.test").mfaRequiredRoles(Set.of()).jdbcUrl(freshDatabase()).build();
        try (Variant v = variant(strict)) {
            Http.Res up = v.http.post("/auth/signup", credentials(email()));
            assertEquals(201, up.status(), up.body());
            String[] session = {"Cookie", "__Host-" + SESSION + "=" + up.cookie("__Host-" + SESSION).orElseThrow()};
            Http.Res refused = v.http.post("/auth/mfa/totp", null, session);
            assertError(refused, 503, "mfa_unavailable");
            assertTrue(refused.header("Retry-After").isPresent());
            assertEquals(status(false, 0, false, false), v.http.get("/auth/mfa", session).json());
        }
    }

    @Test
    void withoutPublicBaseUrlEmailChangeIs404() throws Exception {
        try (Variant v = variant(settings.toBuilder().publicBaseUrl(null).jdbcUrl(freshDatabase()).build())) {
            Http.Res up = v.http.post("/auth/signup", credentials(email()));
            String[] session = {"Cookie", SESSION + "=" + up.cookie(SESSION).orElseThrow()};
            Http.Res r = v.http.post("/auth/email/change", body("newEmail", email()), session);
            assertError(r, 404, "not_found");
            assertFalse(r.body().contains("publicBaseUrl"), r.body());
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    private static String freshDatabase() {
        return "jdbc:h2:mem:sec" + java.util.UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
    }

    static String credentials(String email) {
        return body("email", email, "password", PW);
    }

    static String[] cookie(String session) {
        return new String[] {"Cookie", SESSION + "=" + session};
    }

    /** Signs up through a new jar, which then holds the session. */
    CookieJar signUp(String email) throws Exception {
        CookieJar jar = new CookieJar();
        Http.Res r = jar.post(http, "/auth/signup", credentials(email));
        assertEquals(201, r.status(), r.body());
        return jar;
    }

    /** A right password for an account with an app: the pending cookie's value. */
    String pendingSignIn(String email) throws Exception {
        Http.Res r = http.post("/auth/login", credentials(email));
        assertError(r, 401, "mfa_required");
        return r.cookie(PENDING).orElseThrow();
    }

    Http.Res verify(String pending, String code, String... headers) throws Exception {
        String[] all = Arrays.copyOf(new String[] {"Cookie", PENDING + "=" + pending}, 2 + headers.length);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.post("/auth/mfa/verify", code(code), all);
    }

    /** The pending cookie's attributes, parsed by hand. */
    static void assertPendingCookie(String header, String name, boolean secure) {
        List<String> parts = Arrays.stream(header.split(";")).map(String::trim).toList();
        assertTrue(parts.get(0).matches(Pattern.quote(name) + "=[A-Za-z0-9_-]{43}"), header);
        Set<String> attributes = new HashSet<>(parts.subList(1, parts.size()));
        assertTrue(attributes.containsAll(Set.of("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=300")), header);
        assertEquals(Duration.ofSeconds(300), CookieJar.maxAge(header));
        assertEquals(secure, attributes.contains("Secure"), header);
        assertTrue(attributes.stream().noneMatch(a -> a.regionMatches(true, 0, "Domain", 0, 6)), header);
    }

    static List<String> methods(Http.Res r) {
        return r.json().getJsonArray("methods").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static List<String> codes(Http.Res r) {
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("recoveryCodes").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    static Set<String> strings(JsonObject o, String key) {
        return Set.copyOf(o.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
    }

    static JsonObject status(boolean totp, int left, boolean required, boolean enrolment) {
        return jakarta.json.Json.createObjectBuilder().add("totpEnabled", totp).add("recoveryCodesLeft", left)
                .add("required", required).add("enrolmentRequired", enrolment).build();
    }

    static Set<String> headerNames(Http.Res r) {
        Set<String> names = new HashSet<>(r.raw().headers().map().keySet());
        names.remove("date");
        return names;
    }

    MailMessage lastMail(String to) {
        List<MailMessage> mine = outbox.messages().stream().filter(m -> m.to().equals(to)).toList();
        assertFalse(mine.isEmpty(), "no mail to " + to);
        return mine.get(mine.size() - 1);
    }

    static String token(MailMessage m, String prefix) {
        Matcher t = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]+)").matcher(m.body());
        assertTrue(t.find(), m.body());
        return t.group(1);
    }
}
