package dev.gatehouse.account;

import dev.gatehouse.AuthException;

/** Wrong identifier or password. The message is the same whether or not the account exists. */
public final class InvalidCredentialsException extends AuthException {
    public InvalidCredentialsException() {
        super("invalid_credentials", "Invalid email or password.");
    }
}
