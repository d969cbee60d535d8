package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.positive;

/**
 * API tokens.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is not positive; the message
 * names the setting.
 *
 * @param apiTokenMaxPerUser      live API tokens one user may hold
 * @param apiTokenMaxLifetimeDays longest API token lifetime, and the lifetime when none is asked for
 * @param apiTokenAllowNoExpiry   allow API tokens that never expire
 * @param revokeApiTokensOnPasswordChange whether a password change also revokes API tokens (a reset always does)
 */
public record ApiTokenSettings(
        int apiTokenMaxPerUser,
        int apiTokenMaxLifetimeDays,
        boolean apiTokenAllowNoExpiry,
        boolean revokeApiTokensOnPasswordChange) {

    public ApiTokenSettings {
        positive("apiTokenMaxPerUser", apiTokenMaxPerUser);
        positive("apiTokenMaxLifetimeDays", apiTokenMaxLifetimeDays);
    }
}
