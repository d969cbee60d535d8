package dev.gatehouse.apitoken;

import dev.gatehouse.role.Permissions;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A personal access token's metadata (never the secret).
 *
 * @param scopes     permission-grammar scopes, in the order given at creation, without duplicates
 * @param expiresAt  {@code null} when the token never expires
 * @param lastUsedAt updated at most once a minute; the value from before the current use
 */
public record ApiToken(String id, String userId, String name, List<String> scopes, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public ApiToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Not revoked, and not expired at {@code now} (the expiry instant itself is already dead). */
    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** True if one of the scopes covers {@code permission} under the role grammar ({@code *}, {@code a.*}). */
    public boolean covers(String permission) {
        return Permissions.anyCovers(scopes, permission);
    }
}
