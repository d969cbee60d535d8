package dev.gatehouse.token;

import dev.gatehouse.AuthException;

/** A single-use link token is unknown, expired, already used or meant for another purpose. */
public final class InvalidTokenException extends AuthException {
    public InvalidTokenException() {
        super("invalid_token", "This link is invalid or has expired.");
    }
}
