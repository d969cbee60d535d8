package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** Wrong identifier or password. The message is the same whether or not the account exists. */
public final class InvalidCredentialsException extends AuthException {
    public InvalidCredentialsException() {
        super(ErrorCode.INVALID_CREDENTIALS, "Invalid email or password.");
    }
}
