package dev.gatehouse.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.ApiTokenSettings;
import dev.gatehouse.config.PasswordSettings;
import dev.gatehouse.config.RateLimitSettings;
import dev.gatehouse.config.SessionSettings;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaChallengeInvalidException;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.InvalidTokenException;
import dev.gatehouse.token.PasswordResetToken;
import java.util.Optional;

/**
 * Account flows: sign-up, sign-in, password change and reset, email verification. Operators'
 * account administration (list, disable, enable, delete) is {@link UserAdminService}. Every method is thread-safe. {@code ip} and {@code userAgent} may be null; a
 * null {@code ip} skips the per-IP limits (for trusted internal callers).
 */
public interface AuthService {

    /**
     * Creates an account and its first session. In email mode {@code email} is required and
     * {@code username} optional; in username mode the reverse. With
     * {@link AccountSettings#requireEmailVerified()} and an email, no session is opened (the result's
     * cookie is null): the account acts only once its email is confirmed.
     *
     * @throws AuthException            invalid email or username (code {@code auth_error})
     * @throws WeakPasswordException    the password breaks the policy
     * @throws RateLimitedException     too many sign-ups from {@code ip}
     * @throws AccountExistsException   the email or username is taken (exactly one of concurrent
     *                                  sign-ups with one identifier succeeds)
     * @throws GatehouseUnavailableException code {@code breach_check_unavailable}: the breached-password
     *                                  check is fail-closed and the service did not answer (see below)
     *
     * <p>With {@link PasswordSettings#breachedPasswordCheck()} on, a password that passes the local rules
     * is looked up in the breach corpus after the sign-up limit is counted; one seen in breaches is a
     * {@link WeakPasswordException} saying so. The same applies to {@link #changePassword} and
     * {@link #resetPassword}.
     */
    SignInResult signUp(String email, String username, String password, String ip, String userAgent);

    /**
     * Verifies the credentials and opens a new session; the result also carries a new device
     * cookie. {@code identifier} is an email or a username depending on {@link AccountSettings#identifier()}.
     * Per account and hour, the first {@link RateLimitSettings#rateLimitSignInPerHour()} attempts count
     * towards the consecutive-failure lock; the next {@link AccountSettings#maxConsecutiveFailures()}
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
     * {@link SessionSettings#deviceCookieName()}, or null. When it is a valid device cookie this server
     * issued for this account, the attempt is trusted: it is exempt from the account's hourly
     * limit and consecutive-failure lock, is admitted and hashed on capacity untrusted attempts
     * cannot take, and counts against that device's own failure budget
     * ({@link SessionSettings#deviceCookieMaxFailures()}) instead. A cookie that is malformed,
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
     *
     * <p>When the account has a confirmed second factor, a right password opens no session: the result
     * carries the {@link SignInResult#challenge()} to complete with {@link #completeSignIn}. When the
     * user's roles require a second factor ({@code mfaRequiredRoles}) and none is enrolled, the session
     * opened may only enrol one ({@link SignInResult#enrolmentRequired()}).
     */
    SignInResult signIn(String identifier, String password, String ip, String userAgent, String deviceCookie);

    /**
     * Completes a sign-in that {@link #signIn} answered with a {@link SignInResult#challenge()}: checks a
     * code from the authenticator app (six digits) or a recovery code, and opens the session. A TOTP code
     * is accepted once: only a time step newer than the last one used passes (of two concurrent
     * submissions of one code exactly one wins). A recovery code is used up. Each attempt counts towards
     * the account's failure lock; after {@code mfaMaxCodesPerChallenge} wrong codes the pending sign-in
     * ends. Using a recovery code sends the owner a notice (HTTP API).
     *
     * @param pendingValue the value of the challenge's pending cookie
     * @param deviceCookie the browser's device cookie value, or null (a new one is issued either way)
     * @throws MfaChallengeInvalidException no live pending sign-in for this value
     * @throws InvalidMfaCodeException      wrong, reused or malformed code
     * @throws RateLimitedException         the account's failure lock
     */
    SignInResult completeSignIn(String pendingValue, String code, String ip, String userAgent, String deviceCookie);

    /**
     * Signs in with a passkey: verifies the browser's answer to
     * {@link dev.gatehouse.passkey.PasskeyService#signInOptions} and opens a session like a password sign-in
     * (a new session, a new device cookie, an audit event). A passkey asserted with user verification is
     * enough on its own, also for an account with a second factor or whose roles require one; the session's
     * factor is {@link Factor#PASSKEY}. A pending second-factor sign-in of the same browser is no longer needed
     * (send {@code mfaCookieDeletion}).
     *
     * @param credentialJson the result of {@code credential.toJSON()} of {@code navigator.credentials.get}
     * @param deviceCookie   the browser's device cookie value, or null (a new one is issued either way)
     * @throws dev.gatehouse.passkey.InvalidPasskeyException the assertion does not verify, its challenge is unknown,
     *                                       used or expired, or its sign count went backwards
     * @throws AccountDisabledException      a verified passkey of a disabled account
     * @throws RateLimitedException          too many passkey sign-ins from {@code ip}
     * @throws EmailNotVerifiedException     verification required and pending
     */
    SignInResult signInWithPasskey(String credentialJson, String ip, String userAgent, String deviceCookie);

    /**
     * Creates an account without a password ({@code passwordlessSignUp}), with the passkey answering
     * {@link dev.gatehouse.passkey.PasskeyService#signUpOptions}, and opens its first session (none when the
     * email must be confirmed first, as {@link #signUp}).
     *
     * @throws dev.gatehouse.passkey.PasskeyRejectedException the challenge or the response is not acceptable
     * @throws AccountExistsException the email or username was taken meanwhile
     */
    SignInResult signUpWithPasskey(String credentialJson, String passkeyName, String ip, String userAgent);

    /**
     * Proves again, in an existing session, that its user is present ("sudo mode"): with the password
     * ({@link Factor#PASSWORD}) or, when enrolled, a TOTP code, a recovery code, or a passkey ({@link Factor#PASSKEY}:
     * {@code secret} is the {@code credential.toJSON()} answering {@link dev.gatehouse.passkey.PasskeyService#reauthOptions}). On success the session
     * counts as recently authenticated for {@code reauthWindowSeconds}. Counted towards the account's
     * failure lock and limited per session like a password change. API tokens can never do this.
     *
     * @throws InvalidCredentialsException a wrong password
     * @throws InvalidMfaCodeException     a wrong code, or a factor the account does not have
     * @throws dev.gatehouse.passkey.InvalidPasskeyException a passkey assertion that does not verify
     * @throws RateLimitedException        the session's limit or the account's failure lock
     * @throws IllegalArgumentException    no such session of this user
     * @throws dev.gatehouse.AccessDeniedException {@code mfa_enrolment_required}: the session may only enrol the
     *                                     second factor its user's roles require, which no re-authentication replaces
     */
    void reauthenticate(String userId, String sessionId, Factor factor, String secret, String ip, String userAgent);

    /**
     * Starts changing the account's email address. Sends nothing itself: mail the link to the new
     * address when {@link EmailChangeRequest#rawToken()} is present, a notice to the old one always.
     * Earlier pending changes of this account are voided.
     *
     * @throws AuthException        the new address is not a valid email address
     * @throws RateLimitedException too many requests for this user
     */
    EmailChangeRequest requestEmailChange(String userId, String newEmail, String ip);

    /**
     * Confirms an email change with the link's token: the address is swapped by one guarded update (if
     * another account took the address meanwhile, exactly one of them has it and this fails), marked
     * verified, pending password-reset links are voided, and every session but {@code keepSessionId} ends.
     *
     * @param keepSessionId the session that confirms (it stays), or null
     * @throws InvalidTokenException  unknown, expired, used or wrong-purpose token, or the address was taken meanwhile
     * @throws RateLimitedException   too many redemptions from {@code ip}
     */
    EmailChanged confirmEmailChange(String rawToken, String keepSessionId, String ip);

    /** {@link #signIn(String, String, String, String)} without opening a session or issuing a device cookie. */
    User verifyCredentials(String identifier, String password, String ip);

    /**
     * Changes the password after checking the current one; ends every session of the user and
     * voids pending reset links (and API tokens when {@link ApiTokenSettings#revokeApiTokensOnPasswordChange()}).
     * Attempts are limited per session ({@link RateLimitSettings#rateLimitPasswordChangePerHour()}), and
     * each one counts towards the account's consecutive-failure lock like a sign-in, so a stolen
     * session cannot guess the password without bound; a right current password clears the count.
     *
     * @param sessionId the caller's session id (the per-session limit); null limits per user instead
     * @throws WeakPasswordException       the local rules are checked first (not counted); the breach lookup only
     *                                     once the current password matched
     * @throws InvalidCredentialsException unknown user or wrong current password
     * @throws RateLimitedException        the session's limit or the account's failure lock
     * @throws GatehouseUnavailableException code {@code breach_check_unavailable} (fail-closed, no answer)
     */
    void changePassword(String userId, String sessionId, String currentPassword, String newPassword);

    /** {@link #changePassword(String, String, String, String)} limited per user rather than per session. */
    default void changePassword(String userId, String currentPassword, String newPassword) {
        changePassword(userId, null, currentPassword, newPassword);
    }

    /**
     * Issues a reset token when the email belongs to an account; otherwise does the same work and
     * returns empty. Callers must answer both cases identically. Earlier links stay valid until they
     * expire, are used, or more than three are live (the oldest is voided first), so a stranger
     * asking for resets cannot void the link the owner is about to use; using any one voids all.
     *
     * @throws RateLimitedException per-email or per-IP limit (hits and misses count alike)
     */
    Optional<PasswordResetToken> requestPasswordReset(String email, String ip);

    /**
     * Sets a new password with a reset token. Does not sign in; ends every session, revokes every
     * API token (a reset answers a suspected compromise), voids other pending reset links and
     * clears the sign-in failure lock. A policy failure does not burn the token.
     *
     * @throws WeakPasswordException the new password breaks the policy (token kept)
     * @throws InvalidTokenException unknown, expired, used or wrong-purpose token
     * @throws RateLimitedException  too many redemptions from {@code ip}
     * @throws GatehouseUnavailableException code {@code breach_check_unavailable} (fail-closed, no answer; token kept)
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
     * Issues an email-verification token for the account with this email when it exists and is
     * not verified yet; otherwise does the same work and returns empty (callers answer both alike).
     * For an account that cannot sign in before verifying ({@link AccountSettings#requireEmailVerified()}).
     *
     * @throws RateLimitedException per-email or per-IP limit (hits and misses count alike)
     */
    Optional<EmailToken> requestEmailVerificationByEmail(String email, String ip);

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
}
