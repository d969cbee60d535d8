package dev.gatehouse.mfa;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * The account's factors do not allow the operation: {@link ErrorCode#MFA_ALREADY_ENABLED} (enrolling
 * a second TOTP) or {@link ErrorCode#MFA_NOT_ENABLED} (confirming, removing or regenerating without one).
 */
public final class MfaStateException extends AuthException {

    private MfaStateException(ErrorCode code, String message) {
        super(code, message);
    }

    /** 409: a confirmed authenticator app is already enrolled. */
    public static MfaStateException alreadyEnabled() {
        return new MfaStateException(ErrorCode.MFA_ALREADY_ENABLED,
                "An authenticator app is already set up. Remove it before adding another.");
    }

    /** 409: nothing to act on. */
    public static MfaStateException notEnabled() {
        return new MfaStateException(ErrorCode.MFA_NOT_ENABLED, "No authenticator app is set up for this account.");
    }
}
