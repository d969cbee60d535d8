package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;

/**
 * {@link SecurityContext} for runtimes without Jakarta Security (embedded Jetty, plain Servlet
 * containers), answering from the caller Gatehouse resolved for the current request. Removed at
 * deployment where the runtime has its own (WildFly, Payara).
 */
@RequestScoped
public class GatehouseSecurityContext implements SecurityContext {

    private HttpServletRequest request;
    private CallerResolver resolver;

    protected GatehouseSecurityContext() {
    }

    @Inject
    public GatehouseSecurityContext(HttpServletRequest request, CallerResolver resolver) {
        this.request = request;
        this.resolver = resolver;
    }

    private Caller caller() {
        return request.getAttribute(CallerResolver.CALLER_ATTRIBUTE) instanceof Caller c ? c : null;
    }

    @Override
    public Principal getCallerPrincipal() {
        Caller c = caller();
        return c == null ? null : new CallerPrincipal(c.userId());
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        Principal p = getCallerPrincipal();
        return p != null && type.isInstance(p) ? Set.of(type.cast(p)) : Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        Caller c = caller();
        return c != null && c.isInRole(role);
    }

    /** Declared without {@code @Override} so this class also compiles against Jakarta Security 4.0. */
    public Set<String> getAllDeclaredCallerRoles() {
        Caller c = caller();
        return c == null ? Set.of() : Set.copyOf(c.roles());
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        throw new UnsupportedOperationException("hasAccessToWebResource needs Jakarta Authorization, "
                + "which embedded Jetty does not provide");
    }

    @Override
    public AuthenticationStatus authenticate(HttpServletRequest req, HttpServletResponse res,
                                             AuthenticationParameters parameters) {
        boolean known = resolver.resolve(req).authenticated();
        resolver.renew(req, res);
        return known ? AuthenticationStatus.SUCCESS : AuthenticationStatus.SEND_FAILURE;
    }
}
