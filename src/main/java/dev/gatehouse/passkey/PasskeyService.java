package dev.gatehouse.passkey;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.util.List;
import java.util.Optional;

/**
 * A user's passkeys and the WebAuthn options browsers need. These methods do not check who asks: the HTTP
 * API lets only the account's own recently authenticated session register, rename or delete. Thread-safe.
 *
 * <p>The relying party id and the accepted origins come from settings ({@code passkeyRpId},
 * {@code passkeyOrigins}, by default both from {@code publicBaseUrl}), never from a request. Every option set
 * carries a fresh random challenge, stored as its SHA-256 and redeemed once by a guarded delete. User
 * verification is always required; attestation is {@code none}; ES256 and RS256 are accepted.
 *
 * <p>Every method that makes options or verifies a ceremony throws {@link GatehouseUnavailableException}
 * {@code passkeys_unavailable} when passkeys are off or no relying party is configured; {@link #list},
 * {@link #rename} and {@link #delete} keep working then, so stored passkeys can still be seen and removed
 * (the HTTP rows answer 404 while {@code enablePasskeys} is off).
 */
public interface PasskeyService {

    /**
     * Options to register a new passkey for the user: their random user handle, the credentials they already
     * have as {@code excludeCredentials}, a discoverable credential and user verification required.
     *
     * @throws IllegalArgumentException no such user
     */
    PasskeyOptions registrationOptions(String userId);

    /**
     * Verifies the browser's answer to {@link #registrationOptions} and stores the passkey. A session that may
     * only enrol a second factor ({@code mfaRequiredRoles}) becomes a full one through the HTTP API.
     *
     * @param credentialJson the result of {@code credential.toJSON()} ({@code id}, {@code rawId}, {@code type},
     *                       {@code response.clientDataJSON}, {@code response.attestationObject}, ...)
     * @param name           a label, or null for "Passkey" and the date
     * @throws PasskeyRejectedException the challenge, the response or the credential is not acceptable
     */
    Passkey register(String userId, String credentialJson, String name, String ip, String userAgent);

    /** The user's passkeys, oldest first; empty for an unknown user. */
    List<Passkey> list(String userId);

    /**
     * Renames one of the user's passkeys.
     *
     * @return empty when the user has no passkey with this id
     * @throws dev.gatehouse.ValidationException the name is blank, longer than 64 characters or has control characters
     */
    Optional<Passkey> rename(String userId, String passkeyId, String name);

    /**
     * Deletes one of the user's passkeys.
     *
     * @return false when the user has no passkey with this id
     * @throws LastSignInMethodException the account has no password and this is its last passkey
     */
    boolean delete(String userId, String passkeyId, String ip, String userAgent);

    /**
     * Deletes one of the user's passkeys on an administrator's behalf (a lost or stolen device): as
     * {@link #delete}, but the audit event ({@code passkey.removed}) names {@code actor} as who removed it.
     *
     * @param actor who removed it: an administrator's user id, or {@code cli} from the operator command line
     * @return false when the user has no passkey with this id
     * @throws LastSignInMethodException the account has no password and this is its last passkey
     */
    boolean removeAsAdministrator(String userId, String passkeyId, String actor);

    /**
     * Options to sign in with a passkey. Without a user they ask for any discoverable credential of this site
     * (the account chooser, and conditional UI: autofill on the sign-in form); with one (the second step of a
     * password sign-in) they list that user's credentials.
     *
     * @param pendingUserId the user whose password was right and whose second factor is due, or null
     * @param ip            for the per-address limit; null skips it
     * @throws RateLimitedException too many from this address
     */
    PasskeyOptions signInOptions(String pendingUserId, String ip);

    /**
     * Options for a signed-in user to re-authenticate with one of their passkeys.
     *
     * @throws IllegalArgumentException no such user
     */
    PasskeyOptions reauthOptions(String userId);

    /**
     * Options to create an account without a password ({@code passwordlessSignUp}): the identifier is held
     * with the challenge until {@link dev.gatehouse.account.AuthService#signUpWithPasskey} redeems it.
     *
     * @throws dev.gatehouse.AccessDeniedException sign-up without a password (or sign-up) is switched off
     * @throws dev.gatehouse.AuthException         invalid email or username
     * @throws AccountExistsException              the email or username is taken
     * @throws RateLimitedException                too many sign-ups from {@code ip}
     */
    PasskeyOptions signUpOptions(String email, String username, String ip);

    /** Whether passkeys can be used here (switched on and a relying party configured). */
    boolean available();
}
