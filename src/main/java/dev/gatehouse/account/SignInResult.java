package dev.gatehouse.account;

import dev.gatehouse.User;
import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mfa.MfaChallenge;
import dev.gatehouse.session.SessionCookie;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed-in user, the cookie of the new session, and a new device cookie; or, when the account has
 * a second factor, no session but the {@link MfaChallenge} to complete.
 *
 * @param cookie       the new session's cookie; null only after a sign-up that must confirm its email
 *                     before it may act ({@link AccountSettings#requireEmailVerified()})
 * @param deviceCookie the account-bound device cookie to send with the session cookie (see
 *                     {@link AuthService#signIn(String, String, String, String, String)}); empty when device
 *                     cookies are off (strict mode without {@link AuthSettings#secretKeys()}) or no session opened
 * @param challenge    when the password was right and a second factor is still due: the pending sign-in (no
 *                     session yet), else null
 * @param enrolmentRequired the user's roles require a second factor the user has not set up: the session
 *                     may only enrol one ({@code mfaRequiredRoles})
 */
public record SignInResult(User user, SessionCookie cookie, Optional<SessionCookie> deviceCookie, MfaChallenge challenge,
                           boolean enrolmentRequired) {
    public SignInResult {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(deviceCookie, "deviceCookie");
        if (challenge != null && cookie != null) {
            throw new IllegalArgumentException("a sign-in waiting for its second factor has no session");
        }
    }

    /** A signed-in result with a device cookie. */
    public SignInResult(User user, SessionCookie cookie, Optional<SessionCookie> deviceCookie) {
        this(user, cookie, deviceCookie, null, false);
    }

    /** A result without a device cookie. */
    public SignInResult(User user, SessionCookie cookie) {
        this(user, cookie, Optional.empty());
    }

    /** A sign-in whose second factor is still due. */
    public static SignInResult pending(User user, MfaChallenge challenge) {
        return new SignInResult(user, null, Optional.empty(), Objects.requireNonNull(challenge, "challenge"), false);
    }

    /** True when the password was right and a second factor must complete the sign-in. */
    public boolean mfaRequired() {
        return challenge != null;
    }

    /** False when no session was opened (the email must be confirmed first, or a second factor is due). */
    public boolean signedIn() {
        return cookie != null;
    }
}
