package dev.gatehouse;

/**
 * A request that cannot be carried out as sent: a bad API token name, scope or lifetime, a
 * malformed field (code {@code invalid_request}, 400). The message says what to fix.
 */
public final class InvalidRequestException extends AuthException {

    public InvalidRequestException(String message) {
        super(ErrorCode.INVALID_REQUEST, message);
    }
}
