package dev.gatehouse.passkey;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * 409 {@link ErrorCode#LAST_SIGN_IN_METHOD}: the account has no password, and this passkey or provider identity is
 * its last way to sign in.
 */
public final class LastSignInMethodException extends AuthException {

    public LastSignInMethodException() {
        super(ErrorCode.LAST_SIGN_IN_METHOD,
                "This is the account's only way to sign in. Add another passkey or set a password first.");
    }
}
