package dev.gatehouse.apitoken;

import dev.gatehouse.AuthException;

/** The user already holds the maximum number of live API tokens. */
public final class TokenLimitReachedException extends AuthException {

    private final int limit;

    public TokenLimitReachedException(int limit) {
        super("token_limit_reached", "API token limit reached (" + limit + "). Revoke one first.");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
