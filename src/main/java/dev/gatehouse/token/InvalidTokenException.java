package dev.gatehouse.token;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** A single-use link token is unknown, expired, already used or meant for another purpose. */
public final class InvalidTokenException extends AuthException {
    public InvalidTokenException() {
        super(ErrorCode.INVALID_TOKEN, "This link is invalid or has expired.");
    }
}
