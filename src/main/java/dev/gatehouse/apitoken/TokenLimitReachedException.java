package dev.gatehouse.apitoken;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** The user already holds the maximum number of live API tokens. */
public final class TokenLimitReachedException extends AuthException {

    private final int limit;

    public TokenLimitReachedException(int limit) {
        super(ErrorCode.TOKEN_LIMIT_REACHED, "API token limit reached (" + limit + "). Revoke one first.");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
