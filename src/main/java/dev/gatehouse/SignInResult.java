package dev.gatehouse;

import java.util.Objects;

/**
 * A signed-in user and the cookie of the new session.
 *
 * @param cookie the new session's cookie; null only after a sign-up that must confirm its email
 *               before it may act ({@link AuthSettings#requireEmailVerified()})
 */
public record SignInResult(User user, SessionCookie cookie) {
    public SignInResult {
        Objects.requireNonNull(user, "user");
    }

    /** False when no session was opened (the email must be confirmed first). */
    public boolean signedIn() {
        return cookie != null;
    }
}
