package dev.gatehouse;

import java.util.Optional;

/**
 * Account flows: sign-up, sign-in, password change and reset, email verification, and account
 * administration. Every method is thread-safe. {@code ip} and {@code userAgent} may be null; a
 * null {@code ip} skips the per-IP limits (for trusted internal callers).
 */
public interface AuthService {

    /**
     * Creates an account and its first session. In email mode {@code email} is required and
     * {@code username} optional; in username mode the reverse.
     *
     * @throws AuthException            invalid email or username (code {@code auth_error})
     * @throws WeakPasswordException    the password breaks the policy
     * @throws RateLimitedException     too many sign-ups from {@code ip}
     * @throws AccountExistsException   the email or username is taken (exactly one of concurrent
     *                                  sign-ups with one identifier succeeds)
     */
    SignInResult signUp(String email, String username, String password, String ip, String userAgent);

    /**
     * Verifies the credentials and opens a new session; the result also carries a new device
     * cookie. {@code identifier} is an email or a username depending on {@link AuthSettings#identifier()}.
     * Per account and hour, the first {@link AuthSettings#rateLimitSignInPerHour()} attempts count
     * towards the consecutive-failure lock; the next {@link AuthSettings#maxConsecutiveFailures()}
     * are refused unless the password is right and do not count; any beyond those are refused
     * without a check.
     *
     * @throws InvalidCredentialsException unknown account or wrong password (indistinguishable)
     * @throws RateLimitedException         IP limit, account limit while the password is wrong (or
     *                                      past the hourly ceiling above), or the account's
     *                                      consecutive-failure lock
     * @throws AccountDisabledException     right password, disabled account
     * @throws EmailNotVerifiedException    right password, verification required and pending
     * @throws GatehouseUnavailableException code {@code overloaded}: too many sign-ins in progress
     */
    SignInResult signIn(String identifier, String password, String ip, String userAgent);

    /**
     * {@link #signIn(String, String, String, String)} for a browser that presented a device
     * cookie (OWASP "device cookies"): send the value of the cookie named
     * {@link AuthSettings#deviceCookieName()}, or null. When it is a valid device cookie this server
     * issued for this account, the attempt is trusted: it is exempt from the account's hourly
     * limit and consecutive-failure lock, is admitted and hashed on capacity untrusted attempts
     * cannot take, and counts against that device's own failure budget
     * ({@link AuthSettings#deviceCookieMaxFailures()}) instead. A cookie that is malformed,
     * expired, signed by an unknown key, issued for another account, or whose device has spent
     * its budget, is ignored: the attempt is untrusted, with the same rules as without one.
     * Send {@link SignInResult#deviceCookie()} to the browser with the session cookie.
     *
     * @throws InvalidCredentialsException unknown account or wrong password (indistinguishable)
     * @throws RateLimitedException         as {@link #signIn(String, String, String, String)} for an
     *                                      untrusted attempt; only the IP limit for a trusted one
     * @throws AccountDisabledException     right password, disabled account
     * @throws EmailNotVerifiedException    right password, verification required and pending
     * @throws GatehouseUnavailableException code {@code overloaded}: too many sign-ins in progress
     */
    SignInResult signIn(String identifier, String password, String ip, String userAgent, String deviceCookie);

    /** {@link #signIn(String, String, String, String)} without opening a session or issuing a device cookie. */
    User verifyCredentials(String identifier, String password, String ip);

    /**
     * Changes the password after checking the current one; ends every session of the user and
     * voids pending reset links (and API tokens when {@link AuthSettings#revokeApiTokensOnPasswordChange()}).
     *
     * @throws WeakPasswordException       checked first
     * @throws InvalidCredentialsException unknown user or wrong current password
     */
    void changePassword(String userId, String currentPassword, String newPassword);

    /**
     * Issues a reset token when the email belongs to an account; otherwise does the same work and
     * returns empty. Callers must answer both cases identically.
     *
     * @throws RateLimitedException per-email or per-IP limit (hits and misses count alike)
     */
    Optional<PasswordResetToken> requestPasswordReset(String email, String ip);

    /**
     * Sets a new password with a reset token. Does not sign in; ends every session, voids other
     * pending reset links and clears the sign-in failure lock. A policy failure does not burn the token.
     *
     * @throws WeakPasswordException the new password breaks the policy (token kept)
     * @throws InvalidTokenException unknown, expired, used or wrong-purpose token
     * @throws RateLimitedException  too many redemptions from {@code ip}
     */
    User resetPassword(String rawToken, String newPassword, String ip);

    /**
     * Issues an email-verification token for the user.
     *
     * @throws AuthException        no such user, the account has no email, or it is already verified
     * @throws RateLimitedException too many verification emails for this user
     */
    String requestEmailVerification(String userId);

    /**
     * Confirms an email-verification token and marks the email verified.
     *
     * @throws InvalidTokenException unknown, expired, used or wrong-purpose token
     * @throws RateLimitedException  too many redemptions from {@code ip}
     */
    User confirmEmail(String rawToken, String ip);

    /**
     * Whether a username can be registered.
     *
     * @throws AuthException        the name breaks the username policy (the message says why)
     * @throws RateLimitedException too many checks from {@code ip}
     */
    boolean usernameAvailable(String username, String ip);

    Optional<User> findUser(String userId);

    /** A page of accounts, oldest first. @throws IllegalArgumentException offset &lt; 0 or limit outside 1–1000 */
    java.util.List<User> listUsers(int offset, int limit);

    /** @throws AuthException the email is malformed */
    Optional<User> findUserByEmail(String email);

    /** Disables the account, ends its sessions and revokes its API tokens. @return false for an unknown id */
    boolean disableUser(String userId);

    /** Lets a disabled account sign in again. @return false for an unknown id */
    boolean enableUser(String userId);

    /** Deletes the account with its sessions, tokens and role grants. @return false for an unknown id */
    boolean deleteUser(String userId);
}
