package dev.gatehouse.web;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.web.BridgeMessageContext;
import dev.gatehouse.internal.web.GatehouseCredential;
import dev.gatehouse.internal.web.UrlRules;
import dev.gatehouse.internal.web.api.JsonIo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jakarta Security mechanism: session cookie first, then {@code Authorization: Bearer} API token.
 * A valid credential logs the caller in (principal name = user id, groups = roles) on every
 * request; none on an unprotected resource does nothing (anonymous); none or a bad one on a
 * protected resource answers 401, with {@code WWW-Authenticate: Bearer error="invalid_token"}
 * for a refused token. When the database is unavailable a protected resource answers 503 with
 * {@code Retry-After}. WildFly and Payara pick it up from the jar; embedded Jetty calls it
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
        CredentialValidationResult result;
        try {
            result = store.validate(new GatehouseCredential(request, response));
        } catch (GatehouseUnavailableException e) {
            return unavailable(response, context, e);
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            return context.notifyContainerAboutLogin(result);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        response.setHeader("WWW-Authenticate", result.getStatus() == CredentialValidationResult.Status.INVALID
                ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"");
        Audit.warn("access.refused:401:" + (result.getStatus() == CredentialValidationResult.Status.INVALID
                ? "invalid_token" : "auth_required") + " " + request.getMethod() + " " + UrlRules.printable(request.getRequestURI()),
                "anonymous", request.getRemoteAddr());
        return context.responseUnauthorized();
    }

    /**
     * The database cannot say who the caller is. An unprotected resource goes on (GatehouseFilter
     * resolves again and answers 503 itself if the database is still away); a protected one is
     * answered 503 here, never 401, which would sign the client out. The Jetty bridge answers
     * through Jetty's own response, so it gets the exception.
     */
    private static AuthenticationStatus unavailable(HttpServletResponse response, HttpMessageContext context,
                                                    GatehouseUnavailableException e) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (response == null || context instanceof BridgeMessageContext) {
            throw e;
        }
        try {
            JsonIo.unavailable(response, e);
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
