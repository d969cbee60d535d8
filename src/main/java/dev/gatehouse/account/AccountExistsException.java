package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.config.Identifier;

/** Sign-up with an email or username that another account already holds. */
public final class AccountExistsException extends AuthException {
    public AccountExistsException(Identifier identifier) {
        super(ErrorCode.ACCOUNT_EXISTS, identifier == Identifier.USERNAME
                ? "That username is already taken."
                : "An account with this email already exists.");
    }
}
