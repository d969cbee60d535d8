package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.positive;
import static dev.gatehouse.config.Checks.withoutTrailingSlash;

/**
 * The password policy for new passwords (sign-up, change, reset).
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param passwordMinLength        shortest password, in Unicode code points
 * @param passwordMaxLength        longest password, in code points (at least 64, so long passphrases fit)
 * @param rejectCommonPasswords    reject the 30,000 most common passwords
 * @param breachedPasswordCheck    look new passwords up in Have I Been Pwned's Pwned Passwords corpus (see
 *                                 {@link BreachedPasswordCheck}); only the first 5 hex digits of the password's
 *                                 SHA-1 are sent (k-anonymity, padded)
 * @param breachedPasswordApiUrl   base URL of the range API, {@code /range/<prefix>} is appended (stored without a
 *                                 trailing '/'; https in strict mode, checked by {@link AuthSettings})
 * @param breachedPasswordTimeoutMillis longest wait for the whole answer before the service counts as unavailable
 * @param breachedPasswordMinCount how many times a password must appear in the corpus to be refused
 */
public record PasswordSettings(
        int passwordMinLength,
        int passwordMaxLength,
        boolean rejectCommonPasswords,
        BreachedPasswordCheck breachedPasswordCheck,
        String breachedPasswordApiUrl,
        long breachedPasswordTimeoutMillis,
        int breachedPasswordMinCount) {

    public PasswordSettings {
        positive("passwordMinLength", passwordMinLength);
        if (passwordMaxLength <= passwordMinLength) {
            fail("passwordMaxLength must be > passwordMinLength (got " + passwordMaxLength + " <= " + passwordMinLength + ")");
        }
        if (passwordMaxLength < 64) {
            fail("passwordMaxLength must be >= 64 so long passphrases fit (got " + passwordMaxLength + ")");
        }
        if (breachedPasswordCheck == null) {
            fail("breachedPasswordCheck must be 'off', 'fail-open' or 'fail-closed'");
        }
        breachedPasswordApiUrl = blankToNull(breachedPasswordApiUrl);
        if (breachedPasswordApiUrl == null || !breachedPasswordApiUrl.matches("https?://[^/?#\\s@]+(/[^?#\\s]*)?")) {
            fail("breachedPasswordApiUrl must be an absolute http(s) URL without user info, query or fragment, "
                    + "e.g. https://api.pwnedpasswords.com (got '" + breachedPasswordApiUrl + "')");
        }
        breachedPasswordApiUrl = withoutTrailingSlash(breachedPasswordApiUrl);
        if (breachedPasswordTimeoutMillis < 1 || breachedPasswordTimeoutMillis > 30_000) {
            fail("breachedPasswordTimeoutMillis must be between 1 and 30000; every sign-up, password change and reset "
                    + "may wait this long (got " + breachedPasswordTimeoutMillis + ")");
        }
        positive("breachedPasswordMinCount", breachedPasswordMinCount);
    }
}
