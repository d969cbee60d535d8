package dev.gatehouse.oidc;

import dev.gatehouse.session.SessionCookie;
import java.net.URI;
import java.time.Instant;

/**
 * A sign-in (or link) sent to a provider: where to send the browser, and the flow cookie the browser must keep
 * until the provider sends it back (the callback is refused without it).
 *
 * @param authorizationUri the provider's authorization endpoint with this flow's request
 * @param flowCookie       the cookie to set with the redirect: {@code gatehouse_oidc}, HttpOnly, {@code SameSite=Lax} (the
 *                         provider's redirect back is a cross-site navigation), its path the provider's callback path,
 *                         {@code Max-Age} {@code oidcFlowSeconds}; its value is 256 random bits, from which the state,
 *                         nonce and PKCE verifier derive
 * @param expiresAt        when the callback stops being accepted
 */
public record OidcStart(URI authorizationUri, SessionCookie flowCookie, Instant expiresAt) {

    /** The flow cookie's name. */
    public static final String COOKIE = "gatehouse_oidc";

    /** The flow value (the cookie's), which {@link OidcService#finish} takes back. */
    public String flow() {
        return flowCookie.value();
    }

    @Override
    public String toString() {
        return "OidcStart[authorizationUri=" + authorizationUri + ", flowCookie=" + flowCookie + ", expiresAt=" + expiresAt + "]";
    }
}
