package dev.gatehouse;

/**
 * Input that breaks a rule — an invalid email or username, a reserved name, a password that cannot
 * be encoded — with a message saying what is wrong (code {@code auth_error}, 400).
 */
public final class ValidationException extends AuthException {

    public ValidationException(String message) {
        super(ErrorCode.AUTH_ERROR, message);
    }
}
