package dev.gatehouse;

import java.time.Instant;
import java.util.Objects;

/**
 * An account as the application sees it. Never carries the password hash.
 *
 * @param id              32 lowercase hex characters
 * @param email           normalised (trimmed, lowercased) email, or {@code null} for a username-only account
 * @param username        normalised username, or {@code null}
 * @param emailVerifiedAt when the email was confirmed, or {@code null}
 * @param createdAt       creation instant (UTC, microsecond precision)
 * @param plan            always {@code "free"}; kept for pyxle-auth data compatibility
 * @param disabledAt      when an administrator disabled the account, or {@code null}
 */
public record User(String id, String email, String username, Instant emailVerifiedAt, Instant createdAt,
                   String plan, Instant disabledAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(plan, "plan");
    }

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    public boolean disabled() {
        return disabledAt != null;
    }
}
