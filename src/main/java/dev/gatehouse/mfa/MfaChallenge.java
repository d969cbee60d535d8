package dev.gatehouse.mfa;

import dev.gatehouse.session.SessionCookie;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A sign-in whose password was right and whose second factor is still to come. No session exists
 * yet: send {@link #pendingCookie()} to the browser (HttpOnly, SameSite=Strict, short-lived) and
 * answer {@code 401 mfa_required} with {@link #methods()}; the code then goes to
 * {@code AuthService.completeSignIn} with the cookie's value.
 *
 * @param pendingCookie the cookie bound to this attempt
 * @param methods       the factors that can complete it, by wire name ({@code totp}, {@code recovery_code})
 * @param expiresAt     when the attempt lapses
 */
public record MfaChallenge(SessionCookie pendingCookie, List<String> methods, Instant expiresAt) {
    public MfaChallenge {
        Objects.requireNonNull(pendingCookie, "pendingCookie");
        methods = List.copyOf(methods);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
