package dev.gatehouse.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Jakarta Security mechanism: session cookie first, then {@code Authorization: Bearer} API token.
 * A valid credential logs the caller in (principal name = user id, groups = roles) on every
 * request, and a session cookie whose sliding expiry moved is sent again; none on an unprotected
 * resource does nothing (anonymous); none or a bad one on a protected resource answers 401, with
 * {@code WWW-Authenticate: Bearer error="invalid_token"} for a refused token. When the database is
 * unavailable a protected resource answers 503 with {@code Retry-After}. WildFly and Payara pick it
 * up from the jar; embedded Jetty calls it through {@code GatehouseJettyAuthenticator}, other
 * containers use {@link GatehouseFilter}. The credential is read from the request as a
 * {@link GatehouseCredential} and looked up as {@link GatehouseIdentityStore} does.
 */
@ApplicationScoped
public class GatehouseAuthenticationMechanism implements HttpAuthenticationMechanism {

    private CallerResolver resolver;
    private AuditTrail trail;

    protected GatehouseAuthenticationMechanism() {
    }

    @Inject
    public GatehouseAuthenticationMechanism(AuthSettings settings, SessionService sessions, ApiTokenService apiTokens,
                                            AuthService auth, RoleService roles) {
        this.resolver = new CallerResolver(settings, sessions, apiTokens, auth, roles);
    }

    /** Where refusals are recorded; an initializer, not a constructor parameter, so no internal type is public. */
    @Inject
    void auditTrail(AuditTrail trail) {
        this.trail = trail;
    }

    /**
     * @throws GatehouseUnavailableException the database cannot answer, the resource is protected and
     *                                       there is no response to answer 503 on
     */
    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Resolution who;
        try {
            who = resolver.resolve(request);
        } catch (GatehouseUnavailableException e) {
            return unavailable(response, context, e);
        }
        resolver.renew(request, response);
        if (who.authenticated()) {
            return context.notifyContainerAboutLogin(GatehouseIdentityStore.result(who));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        Refusal refusal = Refusal.of(AccessDeniedException.authRequired()).challenging(who.rejectedBearer());
        Refusals.audit(trail, request, refusal.status(), who.rejectedBearer() ? "invalid_token" : refusal.code().wire(),
                request.getRequestURI(), who);
        if (response != null) {
            Refusals.headers(response, refusal);
        }
        return context.responseUnauthorized();
    }

    /**
     * The database cannot say who the caller is. An unprotected resource goes on (GatehouseFilter
     * resolves again and answers 503 itself if the database is still away); a protected one is
     * answered 503 here, never 401, which would sign the client out.
     */
    private static AuthenticationStatus unavailable(HttpServletResponse response, HttpMessageContext context,
                                                    GatehouseUnavailableException e) {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (response == null) {
            throw e;
        }
        try {
            Refusals.json(response, Refusal.of(e));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
