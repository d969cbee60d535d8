package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.testing.AuditCapture;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Device cookies (OWASP): which cookies make a sign-in trusted, observed through what trust
 * grants, the exemption from a locked account.
 */
public abstract class DeviceCookieSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String K1 = "k1:" + key('1');
    static final String K2 = "k2:" + key('2');

    static String key(char c) {
        byte[] b = new byte[32];
        Arrays.fill(b, (byte) c);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Settings with a keyring and a lock that closes after 3 failures. */
    Gatehouse withKeys(String keys, UnaryOperator<AuthSettings.Builder> more) {
        return gh(b -> more.apply(b.secretKeys(keys).maxConsecutiveFailures(3).rateLimitSignInPerHour(1000)));
    }

    Gatehouse withKeys(String keys) {
        return withKeys(keys, b -> b);
    }

    /** Three wrong passwords without a device cookie: the account is locked for untrusted attempts. */
    static void lock(Gatehouse g, String email) {
        for (int i = 0; i < 3; i++) {
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn(email, "wrong-guess", null, null));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn(email, PW, null, null));
    }

    static String device(SignInResult r) {
        return r.deviceCookie().orElseThrow().value();
    }

    @Test
    void signUpAndSignInIssueAHardenedAccountBoundDeviceCookie() {
        Gatehouse g = withKeys(K1);
        SignInResult up = g.auth().signUp("ada@example.com", null, PW, null, null);
        SessionCookie c = up.deviceCookie().orElseThrow();
        assertEquals("gatehouse_device", c.name()); // cookieSecure is off in tests
        assertEquals("Strict", c.sameSite());
        assertTrue(c.httpOnly());
        assertEquals("/", c.path());
        assertEquals(180L * 86_400, c.maxAgeSeconds());
        assertFalse(c.value().contains("ada"), c.value());
        assertFalse(c.toString().contains(c.value()));
        SignInResult in = g.auth().signIn("ada@example.com", PW, null, null, c.value());
        assertNotEquals(c.value(), device(in)); // a fresh nonce and issue time on every sign-in
        assertTrue(device(in).startsWith("v1.k1."), device(in));
    }

    @Test
    void aValidDeviceCookieIsExemptFromTheAccountLock() {
        Gatehouse g = withKeys(K1);
        String cookie = device(g.auth().signUp("a@b.com", null, PW, null, null));
        lock(g, "a@b.com");
        assertNotNull(g.auth().signIn("A@B.com", PW, "9.9.9.9", null, cookie).user());
    }

    @Test
    void aDeviceCookieOfAnotherAccountTamperedOrMalformedIsNotTrusted() {
        Gatehouse g = withKeys(K1);
        g.auth().signUp("a@b.com", null, PW, null, null);
        String other = device(g.auth().signUp("b@b.com", null, PW, null, null));
        String own = device(g.auth().signIn("a@b.com", PW, null, null));
        lock(g, "a@b.com");
        String[] part = own.split("\\.");
        String flipped = part[4].charAt(0) == 'A' ? "B" + part[4].substring(1) : "A" + part[4].substring(1);
        for (String bad : new String[] {other, part[0] + "." + part[1] + "." + (Long.parseLong(part[2]) + 1) + "."
                + part[3] + "." + part[4], String.join(".", part[0], part[1], part[2], part[3], flipped),
                own + ".", own.replace("v1.", "v2."), "", "garbage", "v1.k1.1.x.y", own.substring(0, own.length() - 2)}) {
            assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null, bad), bad);
        }
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null, own));
    }

    @Test
    void aDeviceCookieExpiresAfterItsMaximumAge() {
        Gatehouse g = withKeys(K1, b -> b.deviceCookieMaxAgeDays(30));
        String cookie = device(g.auth().signUp("a@b.com", null, PW, null, null));
        CLOCK.advance(Duration.ofDays(30).minusSeconds(1));
        lock(g, "a@b.com");
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null, cookie)); // clears the lock
        lock(g, "a@b.com");
        CLOCK.advance(Duration.ofSeconds(1)); // now exactly 30 days old
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null, cookie));
    }

    @Test
    void keysRotateWithoutInvalidatingDevicesAndARemovedKeyEndsItsCookies() {
        String old = device(withKeys(K1).auth().signUp("a@b.com", null, PW, null, null));
        Gatehouse rotated = withKeys(K2 + "," + K1);
        lock(rotated, "a@b.com");
        SignInResult r = rotated.auth().signIn("a@b.com", PW, null, null, old); // signed by k1, still verifies
        assertTrue(device(r).startsWith("v1.k2."), device(r)); // the first key signs
        lock(rotated, "a@b.com");
        assertNotNull(rotated.auth().signIn("a@b.com", PW, null, null, device(r)));
        Gatehouse retired = withKeys(K2);
        lock(retired, "a@b.com");
        assertThrows(RateLimitedException.class, () -> retired.auth().signIn("a@b.com", PW, null, null, old));
    }

    @Test
    void aCookieSignedWithAnotherServersKeyIsNotTrustedEvenUnderTheSameKeyId() {
        String foreign = device(withKeys("k1:" + key('9')).auth().signUp("a@b.com", null, PW, null, null));
        Gatehouse g = withKeys(K1);
        lock(g, "a@b.com");
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null, foreign));
    }

    @Test
    void aDeviceThatFailsTooOftenStopsBeingTrusted() {
        Gatehouse g = withKeys(K1, b -> b.deviceCookieMaxFailures(2));
        String cookie = device(g.auth().signUp("a@b.com", null, PW, null, null));
        lock(g, "a@b.com");
        for (int i = 0; i < 2; i++) { // trusted failures: invalid, not locked
            assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null, cookie));
        }
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null, cookie));
        // The budget is kept per device, under a hash: the cookie's parts are not stored.
        String nonce = cookie.split("\\.")[3];
        assertEquals(1, count("SELECT COUNT(*) FROM ratelimit_buckets WHERE bucket_key LIKE 'auth:device:%'"));
        assertEquals(0, count("SELECT COUNT(*) FROM ratelimit_buckets WHERE bucket_key LIKE '%" + nonce + "%'"));
        // Another device of the same account still has its budget.
        CLOCK.advance(Duration.ofSeconds(3600)); // the account lock ends
        String second = device(g.auth().signIn("a@b.com", PW, null, null));
        lock(g, "a@b.com");
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null, second));
    }

    @Test
    void aSuccessfulSignInClearsTheDevicesFailures() {
        Gatehouse g = withKeys(K1, b -> b.deviceCookieMaxFailures(2));
        String cookie = device(g.auth().signUp("a@b.com", null, PW, null, null));
        lock(g, "a@b.com");
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null, cookie));
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null, cookie));
        lock(g, "a@b.com");
        assertThrows(InvalidCredentialsException.class, () -> g.auth().signIn("a@b.com", "wrong-guess", null, null, cookie));
        assertNotNull(g.auth().signIn("a@b.com", PW, null, null, cookie));
    }

    @Test
    void withoutAKeyringNonStrictModeUsesAPerProcessKey() {
        String cookie = device(gh().auth().signUp("a@b.com", null, PW, null, null));
        Gatehouse g = withKeys(K1);
        lock(g, "a@b.com");
        assertThrows(RateLimitedException.class, () -> g.auth().signIn("a@b.com", PW, null, null, cookie));
    }

    @Test
    void strictModeWithoutAKeyringIssuesNoDeviceCookie() {
        UnaryOperator<AuthSettings.Builder> strict = b -> b.strict(true).cookieSecure(true).argonMemoryKib(7168)
                .argonTimeCost(5);
        assertTrue(gh(strict).auth().signUp("a@b.com", null, PW, null, null).deviceCookie().isEmpty());
        SessionCookie c = gh(b -> strict.apply(b).secretKeys(K1)).auth().signUp("b@b.com", null, PW, null, null)
                .deviceCookie().orElseThrow();
        assertEquals("__Host-gatehouse_device", c.name());
        assertTrue(c.secure());
        assertTrue(c.toSetCookieHeader().startsWith("__Host-gatehouse_device=v1.k1."));
        assertTrue(c.toSetCookieHeader().endsWith("; Max-Age=15552000; Path=/; Secure; HttpOnly; SameSite=Strict"),
                c.toSetCookieHeader());
    }

    @Test
    void theKeyringNeverAppearsInTheSettingsText() {
        Gatehouse g = withKeys(K2 + "," + K1);
        assertFalse(g.settings().toString().contains(key('1')));
        assertFalse(g.settings().toString().contains(key('2')));
        assertTrue(g.settings().toString().contains("secretKeys=***"));
    }

    @Test
    void auditFingerprintsAreHmacsUnderAKeyDerivedFromTheKeyring() throws Exception {
        List<String> who;
        try (AuditCapture capture = new AuditCapture()) {
            lock(withKeys(K1), "ghost@b.com");
            who = capture.whoOf("sign_in.locked");
        }
        // Recomputed with the JDK: HMAC-SHA256(HMAC-SHA256(key, "gatehouse-subkey:audit-fingerprint"), identifier).
        byte[] subkey = hmac(Base64.getDecoder().decode(key('1')), "gatehouse-subkey:audit-fingerprint");
        String expected = "id#" + java.util.HexFormat.of().formatHex(hmac(subkey, "ghost@b.com"), 0, 8);
        assertEquals(List.of(expected), who);
        String unkeyed = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest("ghost@b.com".getBytes(java.nio.charset.StandardCharsets.UTF_8))).substring(0, 12);
        assertFalse(who.get(0).contains(unkeyed));
    }

    static byte[] hmac(byte[] key, String data) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
