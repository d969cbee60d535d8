package dev.gatehouse;

import java.util.Objects;

/** A signed-in user and the cookie of the new session. */
public record SignInResult(User user, SessionCookie cookie) {
    public SignInResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(cookie, "cookie");
    }
}
