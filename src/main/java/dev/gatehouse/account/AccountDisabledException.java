package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * Sign-in with the right password to an account an administrator disabled. Only raised after the
 * password was verified, so it tells nothing to someone who does not know the password.
 */
public final class AccountDisabledException extends AuthException {
    public AccountDisabledException() {
        super(ErrorCode.ACCOUNT_DISABLED, "This account has been disabled.");
    }
}
