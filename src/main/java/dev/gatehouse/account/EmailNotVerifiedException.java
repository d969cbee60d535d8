package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** Sign-in with the right password while email verification is required and still pending. */
public final class EmailNotVerifiedException extends AuthException {
    public EmailNotVerifiedException() {
        super(ErrorCode.EMAIL_NOT_VERIFIED, "Please verify your email before signing in.");
    }
}
