package dev.gatehouse.mfa;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * No pending second-factor sign-in matches: none was started, it expired, or it used up its codes
 * (401 {@code mfa_challenge_invalid}). The user signs in again with the password.
 */
public final class MfaChallengeInvalidException extends AuthException {

    public MfaChallengeInvalidException() {
        super(ErrorCode.MFA_CHALLENGE_INVALID, "Your sign-in expired. Please sign in again.");
    }
}
