package dev.gatehouse.oidc;

import java.net.URI;
import java.time.Instant;

/**
 * A sign-in (or link) sent to a provider: where to send the browser, and the flow value the browser must keep
 * until the provider sends it back (an HttpOnly cookie: the callback is refused without it).
 *
 * @param authorizationUri the provider's authorization endpoint with this flow's request
 * @param flow             the flow value (256 random bits); the state, nonce and PKCE verifier derive from it
 * @param expiresAt        when the callback stops being accepted
 */
public record OidcStart(URI authorizationUri, String flow, Instant expiresAt) {

    @Override
    public String toString() {
        return "OidcStart[authorizationUri=" + authorizationUri + ", flow=***, expiresAt=" + expiresAt + "]";
    }
}
