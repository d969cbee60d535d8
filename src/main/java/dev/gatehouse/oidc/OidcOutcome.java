package dev.gatehouse.oidc;

import dev.gatehouse.account.SignInResult;

/**
 * What a provider's callback did: a sign-in (a session, or a second factor still due), a link to the signed-in
 * account, or a re-authentication of the session that started it.
 *
 * @param signIn          the sign-in; null after a link or a re-authentication
 * @param linked          the identity linked; null otherwise
 * @param created         a new account was created for the identity
 * @param reauthenticated the session that started the flow counts as freshly authenticated
 * @param returnTo        the local path the flow was started with, or null
 */
public record OidcOutcome(SignInResult signIn, OidcIdentity linked, boolean created, boolean reauthenticated,
                          String returnTo) {
}
