package dev.gatehouse.oidc;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * 409 {@link ErrorCode#OIDC_LINK_REQUIRED}: the provider's email belongs to a local account, but the provider or
 * the account has not verified it, so the identity does not take the account over: the user signs in as before
 * and links the provider from the account (which needs recent authentication).
 */
public final class OidcLinkRequiredException extends AuthException {

    public OidcLinkRequiredException(String providerName) {
        super(ErrorCode.OIDC_LINK_REQUIRED, "An account with this email address already exists. Sign in to it the "
                + "usual way, then link " + providerName + " from your account's security page.");
    }
}
