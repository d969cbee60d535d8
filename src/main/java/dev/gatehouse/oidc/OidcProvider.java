package dev.gatehouse.oidc;

/**
 * A configured OpenID Connect provider, as a sign-in page lists it.
 *
 * @param id     the provider's id in URLs
 * @param name   what its sign-in button says
 * @param signUp whether a first sign-in may create an account
 */
public record OidcProvider(String id, String name, boolean signUp) {
}
