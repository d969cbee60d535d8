package dev.gatehouse.account;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.User;
import java.util.Objects;

/**
 * CDI event fired by Gatehouse's HTTP API after a successful sign-up, so an application can
 * grant default roles or send a welcome email: {@code void on(@Observes AccountCreated e)}.
 * Observers run synchronously after the account and its session exist; an exception from an
 * observer is logged and does not undo the sign-up.
 */
public record AccountCreated(User user) {
    public AccountCreated {
        Objects.requireNonNull(user, "user");
    }
}
