package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.positive;
import static dev.gatehouse.config.Checks.withoutTrailingSlash;

/**
 * The single-use links Gatehouse emails (password reset, email verification, email change).
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param publicBaseUrl           absolute URL the application is reached at, stored without a trailing '/'; links
 *                                are built from it, never from the request's Host header (https in strict mode,
 *                                checked by {@link AuthSettings}); null turns email links off
 * @param resetPath               path of the application's reset-password page (the link adds {@code ?token=})
 * @param verifyPath              path of the application's verify-email page
 * @param emailChangePath         path of the application's page confirming a change of email address
 * @param passwordResetTtlSeconds lifetime of a password reset link
 * @param emailVerifyTtlSeconds   lifetime of an email verification link
 */
public record LinkSettings(
        String publicBaseUrl,
        String resetPath,
        String verifyPath,
        String emailChangePath,
        long passwordResetTtlSeconds,
        long emailVerifyTtlSeconds) {

    public LinkSettings {
        publicBaseUrl = blankToNull(publicBaseUrl);
        if (publicBaseUrl != null) {
            if (!publicBaseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                fail("publicBaseUrl must be an absolute http(s) URL without query (got '" + publicBaseUrl + "')");
            }
            publicBaseUrl = withoutTrailingSlash(publicBaseUrl);
        }
        if (resetPath == null || !resetPath.startsWith("/") || verifyPath == null || !verifyPath.startsWith("/")) {
            fail("resetPath and verifyPath must start with '/' (got '" + resetPath + "', '" + verifyPath + "')");
        }
        if (emailChangePath == null || !emailChangePath.startsWith("/")) {
            fail("emailChangePath must start with '/' (got '" + emailChangePath + "')");
        }
        positive("passwordResetTtlSeconds", passwordResetTtlSeconds);
        positive("emailVerifyTtlSeconds", emailVerifyTtlSeconds);
    }
}
