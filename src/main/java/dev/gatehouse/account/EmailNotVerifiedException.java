package dev.gatehouse.account;

import dev.gatehouse.AuthException;

/** Sign-in with the right password while email verification is required and still pending. */
public final class EmailNotVerifiedException extends AuthException {
    public EmailNotVerifiedException() {
        super("email_not_verified", "Please verify your email before signing in.");
    }
}
