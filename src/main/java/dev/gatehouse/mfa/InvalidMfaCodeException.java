package dev.gatehouse.mfa;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** A second-factor code that is wrong, already used, or malformed (401 {@code invalid_mfa_code}). */
public final class InvalidMfaCodeException extends AuthException {

    public InvalidMfaCodeException() {
        super(ErrorCode.INVALID_MFA_CODE, "That code is not valid. Check your authenticator app and try again.");
    }
}
