package dev.gatehouse.oidc;

import dev.gatehouse.passkey.LastSignInMethodException;
import java.util.List;
import java.util.Map;

/**
 * Sign-in with OpenID Connect providers (the authorization code flow with PKCE S256). {@link #start} sends the
 * browser to the provider with a state and nonce derived from a random flow value the browser keeps in an HttpOnly
 * cookie; {@link #finish} takes the provider's callback, redeems the flow once, checks the RFC 9207 issuer, swaps
 * the code (with the PKCE verifier) for tokens and checks the ID token: signature with the provider's published
 * keys and asymmetric algorithms only, exact issuer, audience, {@code azp}, expiry and issue time with bounded
 * skew, nonce.
 *
 * <p>Identities are linked by issuer and subject, never by email after the first link. A first sign-in links to an
 * existing account automatically only when the provider says {@code email_verified=true} <em>and</em> the account's
 * email is verified; otherwise {@link OidcLinkRequiredException}. A new account is created only where the provider
 * allows sign-up and gives a verified email. Thread-safe.
 */
public interface OidcService {

    /** The configured providers, in id order. */
    List<OidcProvider> providers();

    /**
     * Starts a sign-in with a provider.
     *
     * @param returnTo a local path ({@code /…}, not {@code //…}) to go to afterwards, or null
     * @throws dev.gatehouse.ValidationException no such provider, or {@code returnTo} is not a local path
     * @throws dev.gatehouse.GatehouseUnavailableException the provider's discovery document could not be read
     * @throws dev.gatehouse.ratelimit.RateLimitedException too many sign-ins started from this address
     */
    OidcStart start(String providerId, String returnTo, String ip);

    /**
     * Starts linking a provider identity to the user's account. The caller checks that the user's session is
     * recent (the HTTP API asks for recent authentication).
     *
     * @throws dev.gatehouse.ValidationException no such provider or user, or {@code returnTo} is not a local path
     * @throws dev.gatehouse.GatehouseUnavailableException the provider could not be reached
     */
    OidcStart startLink(String userId, String providerId, String returnTo);

    /**
     * Starts a re-authentication ("confirm it's you") with a provider identity linked to the user: the provider is
     * asked to authenticate the user again ({@code prompt=login}, {@code max_age=0}), and the callback must bring an
     * ID token of that identity whose {@code auth_time} is after this start. Then the session counts as recently
     * authenticated with the factor {@code oidc}.
     *
     * @throws dev.gatehouse.ValidationException no such provider, no identity of the user at it, or a bad {@code returnTo}
     * @throws dev.gatehouse.GatehouseUnavailableException the provider could not be reached
     */
    OidcStart startReauth(String userId, String sessionId, String providerId, String returnTo);

    /**
     * Finishes a flow with the provider's callback.
     *
     * @param flow       the flow value the browser kept (its cookie), or null
     * @param parameters the callback's query parameters ({@code code}, {@code state}, {@code iss}, or {@code error})
     * @throws OidcFailedException          anything did not verify, or the identity may not sign in here
     * @throws OidcLinkRequiredException    the email belongs to an account the identity may not take over
     * @throws dev.gatehouse.account.AccountDisabledException the account is disabled
     * @throws dev.gatehouse.GatehouseUnavailableException the provider could not be reached
     */
    OidcOutcome finish(String providerId, String flow, Map<String, String> parameters, String ip, String userAgent,
                       String deviceCookie);

    /** The user's linked identities, oldest first. */
    List<OidcIdentity> identities(String userId);

    /**
     * Unlinks one of the user's identities.
     *
     * @return false when the user has no identity with this id
     * @throws LastSignInMethodException it is the account's last way to sign in (no password, no passkey, no other identity)
     */
    boolean unlink(String userId, String identityId, String ip, String userAgent);
}
