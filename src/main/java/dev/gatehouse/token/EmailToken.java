package dev.gatehouse.token;

import dev.gatehouse.User;
import java.util.Objects;

/**
 * A single-use token for an existing account, to be mailed to {@link User#email()} (an email
 * verification link requested without a session). {@link #toString()} hides it.
 */
public record EmailToken(User user, String rawToken) {

    public EmailToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rawToken, "rawToken");
    }

    @Override
    public String toString() {
        return "EmailToken[user=" + user.id() + ", rawToken=***]";
    }
}
