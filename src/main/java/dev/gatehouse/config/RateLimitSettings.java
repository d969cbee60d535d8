package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.positive;

/**
 * Hourly rate limits of the HTTP API's actions.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a limit is not positive; the message
 * names the setting.
 *
 * @param rateLimitSignInPerHour         per address, and per account identifier for attempts counted towards the
 *                                       lock
 * @param rateLimitSignUpPerHour         per address
 * @param rateLimitPasswordResetPerHour  per email and per address
 * @param rateLimitPasswordChangePerHour password change attempts per session (wrong current passwords also count
 *                                       towards the account's consecutive-failure lock)
 * @param rateLimitUsernameCheckPerHour  per address
 * @param rateLimitVerificationEmailPerHour per account
 * @param rateLimitTokenRedeemPerHour    reset and verification link redemptions per address
 */
public record RateLimitSettings(
        int rateLimitSignInPerHour,
        int rateLimitSignUpPerHour,
        int rateLimitPasswordResetPerHour,
        int rateLimitPasswordChangePerHour,
        int rateLimitUsernameCheckPerHour,
        int rateLimitVerificationEmailPerHour,
        int rateLimitTokenRedeemPerHour) {

    public RateLimitSettings {
        positive("rateLimitSignInPerHour", rateLimitSignInPerHour);
        positive("rateLimitSignUpPerHour", rateLimitSignUpPerHour);
        positive("rateLimitPasswordResetPerHour", rateLimitPasswordResetPerHour);
        positive("rateLimitPasswordChangePerHour", rateLimitPasswordChangePerHour);
        positive("rateLimitUsernameCheckPerHour", rateLimitUsernameCheckPerHour);
        positive("rateLimitVerificationEmailPerHour", rateLimitVerificationEmailPerHour);
        positive("rateLimitTokenRedeemPerHour", rateLimitTokenRedeemPerHour);
    }
}
