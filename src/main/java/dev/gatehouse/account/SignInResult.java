package dev.gatehouse.account;

import dev.gatehouse.User;
import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.session.SessionCookie;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in user, the cookie of the new session, and a new device cookie.
 *
 * @param cookie       the new session's cookie; null only after a sign-up that must confirm its email
 *                     before it may act ({@link AccountSettings#requireEmailVerified()})
 * @param deviceCookie the account-bound device cookie to send with the session cookie (see
 *                     {@link AuthService#signIn(String, String, String, String, String)}); empty when device
 *                     cookies are off (strict mode without {@link AuthSettings#secretKeys()}) or no session opened
 */
public record SignInResult(User user, SessionCookie cookie, Optional<SessionCookie> deviceCookie) {
    public SignInResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceCookie, "deviceCookie");
    }

    /** A result without a device cookie. */
    public SignInResult(User user, SessionCookie cookie) {
        this(user, cookie, Optional.empty());
    }

    /** False when no session was opened (the email must be confirmed first). */
    public boolean signedIn() {
        return cookie != null;
    }
}
