package dev.gatehouse.oidc;

import dev.gatehouse.account.SignInResult;

/**
 * What a provider's callback did: a sign-in (a session, or a second factor still due), or a link to the signed-in
 * account.
 *
 * @param signIn   the sign-in; null after a link
 * @param linked   the identity linked; null after a sign-in
 * @param created  a new account was created for the identity
 * @param returnTo the local path the flow was started with, or null
 */
public record OidcOutcome(SignInResult signIn, OidcIdentity linked, boolean created, String returnTo) {
}
