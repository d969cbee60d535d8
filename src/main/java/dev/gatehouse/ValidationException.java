package dev.gatehouse;

/**
 * A value a user supplied is not acceptable (an API token's name, scopes or lifetime, a role name
 * or permission string); the message says what is wrong and is safe to show. Code
 * {@code invalid_request}, HTTP 400. Programming errors (a null user id, say) remain
 * {@link IllegalArgumentException}s and are never shown to a client.
 */
public class ValidationException extends AuthException {

    public ValidationException(String message) {
        super("invalid_request", message);
    }
}
