package dev.gatehouse.token;

import java.time.Instant;
import java.util.Objects;

/** What a consumed single-use token said: whose it was, what it was for, and its lifetime. */
public record TokenClaim(String userId, String purpose, Instant issuedAt, Instant expiresAt) {
    public TokenClaim {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
