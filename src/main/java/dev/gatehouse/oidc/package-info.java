/**
 * Sign-in with OpenID Connect providers ({@link dev.gatehouse.oidc.OidcService}): the authorization code flow with
 * PKCE, state and nonce bound to the browser, ID tokens checked against the provider's keys, and provider
 * identities linked to local accounts by issuer and subject. See {@code docs/OIDC.md}.
 */
package dev.gatehouse.oidc;
