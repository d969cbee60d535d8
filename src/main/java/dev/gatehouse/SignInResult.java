package dev.gatehouse;

import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in user, the cookie of the new session, and a new device cookie.
 *
 * @param deviceCookie the account-bound device cookie to send with the session cookie (see
 *                     {@link AuthService#signIn(String, String, String, String, String)}); empty when device
 *                     cookies are off (strict mode without {@link AuthSettings#secretKeys()})
 */
public record SignInResult(User user, SessionCookie cookie, Optional<SessionCookie> deviceCookie) {
    public SignInResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(cookie, "cookie");
        Objects.requireNonNull(deviceCookie, "deviceCookie");
    }

    /** A result without a device cookie. */
    public SignInResult(User user, SessionCookie cookie) {
        this(user, cookie, Optional.empty());
    }
}
