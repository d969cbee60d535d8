package dev.gatehouse.account;

import dev.gatehouse.User;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AuthService#requestEmailChange} decided, for the mails to send. Answer the client the
 * same way whatever it holds: whether an address is taken is never revealed to the requester.
 *
 * @param user     the account, with its current address
 * @param newEmail the requested address, normalised
 * @param rawToken the single-use link's token, to mail to {@code newEmail}; empty when the address
 *                 belongs to another account (mail it a notice instead) or is already this account's
 */
public record EmailChangeRequest(User user, String newEmail, Optional<String> rawToken) {
    public EmailChangeRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(rawToken, "rawToken");
    }

    @Override
    public String toString() {
        return "EmailChangeRequest[user=" + user.id() + ", rawToken=" + (rawToken.isPresent() ? "***" : "none") + "]";
    }
}
