package dev.gatehouse.web;

import jakarta.security.enterprise.credential.Credential;

/**
 * The credentials one request carries, as values: the session cookie's value and the token of an
 * {@code Authorization: Bearer} header. {@link GatehouseIdentityStore} validates it; the session
 * cookie is tried first, then the token. A blank value is the same as none.
 *
 * @param sessionCookie the session cookie's value, or null (also null when a state-changing request
 *                      comes from another origin's page: such a page must not act as the user)
 * @param bearerToken   the API token of an {@code Authorization: Bearer} header, or null
 */
public record GatehouseCredential(String sessionCookie, String bearerToken) implements Credential {

    public GatehouseCredential {
        sessionCookie = sessionCookie == null || sessionCookie.isEmpty() ? null : sessionCookie;
        bearerToken = bearerToken == null || bearerToken.isBlank() ? null : bearerToken;
    }

    /** No credential at all: validates as {@code NOT_VALIDATED}. */
    public static final GatehouseCredential NONE = new GatehouseCredential(null, null);

    /** The session cookie's value is not shown. */
    @Override
    public String toString() {
        return "GatehouseCredential[sessionCookie=" + (sessionCookie == null ? "none" : "***")
                + ", bearerToken=" + (bearerToken == null ? "none" : "***") + "]";
    }
}
