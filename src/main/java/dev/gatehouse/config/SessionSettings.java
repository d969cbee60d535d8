package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.positive;

import java.util.List;

/**
 * Sessions, their cookie, and the device cookie that marks a browser which signed in before.
 * Strict mode's Secure requirement is checked by {@link AuthSettings}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param sessionLifetimeSeconds    sliding expiry of a session
 * @param sessionAbsoluteMaxSeconds hard cap from creation (at least {@code sessionLifetimeSeconds})
 * @param maxSessionsPerUser        live sessions one user may hold; a new sign-in ends the oldest beyond it (0:
 *                                  unlimited)
 * @param cookieName                the session cookie's name, without {@code __Host-} (see
 *                                  {@link #effectiveCookieName()})
 * @param cookieSecure              the {@code Secure} attribute
 * @param cookieSameSite            {@code Lax}, {@code Strict} or {@code None} (None needs Secure)
 * @param cookieDomain              the {@code Domain} attribute, or null for a host-only cookie
 * @param cookiePath                the {@code Path} attribute
 * @param deviceCookieMaxAgeDays    lifetime of a device cookie (at most 400, browsers' cap)
 * @param deviceCookieMaxFailures   failed sign-ins in a row with one device cookie before it stops being trusted,
 *                                  for {@code lockoutSeconds} ({@code maxConsecutiveFailures} when that is smaller)
 */
public record SessionSettings(
        long sessionLifetimeSeconds,
        long sessionAbsoluteMaxSeconds,
        int maxSessionsPerUser,
        String cookieName,
        boolean cookieSecure,
        String cookieSameSite,
        String cookieDomain,
        String cookiePath,
        int deviceCookieMaxAgeDays,
        int deviceCookieMaxFailures) {

    public SessionSettings {
        positive("sessionLifetimeSeconds", sessionLifetimeSeconds);
        if (sessionAbsoluteMaxSeconds < sessionLifetimeSeconds) {
            fail("sessionAbsoluteMaxSeconds must be >= sessionLifetimeSeconds (got " + sessionAbsoluteMaxSeconds
                    + " < " + sessionLifetimeSeconds + ")");
        }
        if (maxSessionsPerUser < 0) {
            fail("maxSessionsPerUser must be >= 0; 0 means unlimited (got " + maxSessionsPerUser + ")");
        }
        if (cookieName == null || !cookieName.matches("[A-Za-z0-9_.-]+") || cookieName.startsWith("__")) {
            fail("cookieName must be letters, digits, '_', '.' or '-' without a '__' prefix (got '" + cookieName
                    + "'); Gatehouse adds __Host- itself when the cookie is Secure without a Domain");
        }
        if (!List.of("Lax", "Strict", "None").contains(cookieSameSite)) {
            fail("cookieSameSite must be Lax, Strict or None (got '" + cookieSameSite + "')");
        }
        if (cookieSameSite.equals("None") && !cookieSecure) {
            fail("SameSite=None requires cookieSecure=true; browsers reject it otherwise");
        }
        cookieDomain = blankToNull(cookieDomain);
        if (cookiePath == null || !cookiePath.startsWith("/")) {
            fail("cookiePath must start with '/' (got '" + cookiePath + "')");
        }
        if (deviceCookieMaxAgeDays < 1 || deviceCookieMaxAgeDays > 400) {
            fail("deviceCookieMaxAgeDays must be between 1 and 400 (browsers cap cookies at 400 days) (got "
                    + deviceCookieMaxAgeDays + ")");
        }
        if (deviceCookieMaxFailures < 1 || deviceCookieMaxFailures > 100) {
            fail("deviceCookieMaxFailures must be between 1 and 100 (got " + deviceCookieMaxFailures + ")");
        }
    }

    /**
     * The cookie name the browser sees: with {@code __Host-} in front when the cookie is Secure,
     * host-only and for path {@code /} (ASVS 3.3.1).
     */
    /**
     * The name of the short-lived cookie that carries a sign-in waiting for its second factor:
     * {@code __Host-gatehouse_mfa} when Secure, else {@code gatehouse_mfa}.
     */
    public String mfaCookieName() {
        return cookieSecure ? "__Host-gatehouse_mfa" : "gatehouse_mfa";
    }

    public String effectiveCookieName() {
        return cookieSecure && cookieDomain == null && cookiePath.equals("/") ? "__Host-" + cookieName : cookieName;
    }

    /**
     * The device cookie's name: {@code __Host-gatehouse_device} when cookies are Secure, else
     * {@code gatehouse_device}. It is always host-only with path {@code /}.
     */
    public String deviceCookieName() {
        return cookieSecure ? "__Host-gatehouse_device" : "gatehouse_device";
    }
}
