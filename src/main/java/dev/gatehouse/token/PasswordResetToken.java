package dev.gatehouse.token;

import dev.gatehouse.User;
import java.util.Objects;

/** A reset token for an existing account, to be mailed to {@link User#email()}. {@link #toString()} hides it. */
public record PasswordResetToken(User user, String rawToken) {
    public PasswordResetToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rawToken, "rawToken");
    }

    @Override
    public String toString() {
        return "PasswordResetToken[user=" + user.id() + ", rawToken=***]";
    }
}
