package dev.gatehouse.passkey;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * 400 {@link ErrorCode#PASSKEY_REJECTED}: a registration that was not accepted: an unknown, expired or used
 * challenge, a response that does not verify (origin, relying party, user verification, algorithm), or a
 * credential that is already registered. The message says which, in words safe to show.
 */
public final class PasskeyRejectedException extends AuthException {

    public PasskeyRejectedException(String message) {
        super(ErrorCode.PASSKEY_REJECTED, message);
    }
}
