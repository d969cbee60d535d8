package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** The password breaks the policy; the message says which rule and how to fix it. */
public final class WeakPasswordException extends AuthException {
    public WeakPasswordException(String message) {
        super(ErrorCode.WEAK_PASSWORD, message);
    }
}
