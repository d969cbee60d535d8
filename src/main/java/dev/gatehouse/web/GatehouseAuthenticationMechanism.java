package dev.gatehouse.web;

import dev.gatehouse.internal.web.GatehouseCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Jakarta Security mechanism: session cookie first, then {@code Authorization: Bearer} API token.
 * A valid credential logs the caller in (principal name = user id, groups = roles) on every
 * request; none on an unprotected resource does nothing (anonymous); none or a bad one on a
 * protected resource answers 401, with {@code WWW-Authenticate: Bearer error="invalid_token"}
 * for a refused token. WildFly and Payara pick it up from the jar; embedded Jetty calls it
 * through {@code GatehouseJettyAuthenticator}, other containers through {@link GatehouseFilter}.
 */
@ApplicationScoped
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    private GatehouseIdentityStore store;

    protected GatehouseAuthenticationMechanism() {
    }

    @Inject
    public GatehouseAuthenticationMechanism(GatehouseIdentityStore store) {
        this.store = store;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        CredentialValidationResult result = store.validate(new GatehouseCredential(request, response));
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", result.getStatus() == CredentialValidationResult.Status.INVALID
                ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"");
        return context.responseUnauthorized();
    }
}
