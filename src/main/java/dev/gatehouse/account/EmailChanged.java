package dev.gatehouse.account;

import dev.gatehouse.User;
import java.util.Objects;

/**
 * A confirmed email change.
 *
 * @param user          the account with its new, verified address
 * @param previousEmail the address it had, for the final notice
 */
public record EmailChanged(User user, String previousEmail) {
    public EmailChanged {
        Objects.requireNonNull(user, "user");
    }
}
