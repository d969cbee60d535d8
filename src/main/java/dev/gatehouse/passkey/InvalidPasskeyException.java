package dev.gatehouse.passkey;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * 401 {@link ErrorCode#INVALID_PASSKEY}: a passkey sign-in or re-authentication that did not verify: an unknown
 * or expired challenge (or one already used), an unknown credential, a bad signature, another origin or relying
 * party, no user verification, or a sign count that went backwards. One answer for all of them; the audit trail
 * records which. (A verified passkey of a disabled account is {@link dev.gatehouse.account.AccountDisabledException},
 * as after a right password.)
 */
public final class InvalidPasskeyException extends AuthException {

    public InvalidPasskeyException() {
        super(ErrorCode.INVALID_PASSKEY, "The passkey could not be verified. Try again.");
    }
}
