package dev.gatehouse.mfa;

import java.time.Instant;

/**
 * A user's second factors.
 *
 * @param totpEnabled       a confirmed TOTP factor is active: sign-in asks for a code
 * @param totpEnabledAt     when it was confirmed, or null
 * @param recoveryCodesLeft unused recovery codes
 * @param required          the user's roles require a second factor ({@code mfaRequiredRoles})
 */
public record MfaStatus(boolean totpEnabled, Instant totpEnabledAt, int recoveryCodesLeft, boolean required) {
}
