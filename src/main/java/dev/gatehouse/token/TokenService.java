package dev.gatehouse.token;

import java.util.Optional;

/**
 * Single-use, purpose-scoped tokens (reset links, verification links, invitations). Only the
 * SHA-256 of a token is stored.
 */
public interface TokenService {

    /**
     * Issues a 43-character token. With {@code revokeExisting}, earlier unused tokens of the same
     * user and purpose stop working.
     *
     * @param ttlSeconds null for the default (1800 s)
     * @throws IllegalArgumentException blank purpose or user id, or a non-positive ttl
     */
    String issue(String purpose, String userId, Long ttlSeconds, boolean revokeExisting);

    /**
     * Redeems a token once. Empty when unknown, expired (the expiry instant is already dead),
     * already used or issued for another purpose; a wrong-purpose attempt does not burn the token.
     * Of any number of concurrent consumes of one token, exactly one returns the claim.
     */
    Optional<TokenClaim> consume(String purpose, String rawToken);

    /** Deletes tokens expired or used more than a day ago. @return rows deleted */
    int sweepExpired();
}
