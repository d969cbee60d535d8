package dev.gatehouse.session;

import java.time.Instant;
import java.util.Objects;

/**
 * One signed-in device, for a "your devices" page.
 *
 * @param id        the SHA-256 of the session cookie (safe to show; it cannot be turned back into the cookie)
 * @param current   true for the session of the request that asked
 */
public record SessionInfo(String id, Instant createdAt, Instant expiresAt, String userAgent, String ip,
                          boolean current) {
    public SessionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
