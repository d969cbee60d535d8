package dev.gatehouse.session;

import dev.gatehouse.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A session cookie that resolved to a live session of an enabled account.
 *
 * @param sessionId the session's id (SHA-256 of the cookie)
 * @param expiresAt the sliding expiry after this resolve
 * @param renewed   true when this resolve moved the expiry, so the cookie should be sent again
 * @param authentication how and when the user last proved who they are in this session
 * @param restricted true for a session that may only enrol a second factor the user's roles require
 *                   ({@code mfaRequiredRoles}); to every guard it is anonymous
 */
public record ResolvedSession(User user, String sessionId, Instant createdAt, Instant expiresAt, boolean renewed,
                              Authentication authentication, boolean restricted) {
    public ResolvedSession {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
