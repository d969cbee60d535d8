package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.config.Identifier;

/** Sign-up with an email or username that another account already holds. */
public final class AccountExistsException extends AuthException {
    public AccountExistsException(Identifier identifier) {
        super("account_exists", identifier == Identifier.USERNAME
                ? "That username is already taken."
                : "An account with this email already exists.");
    }
}
