package dev.gatehouse.internal.cdi;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.role.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * The caller of the current invocation: the one Gatehouse resolved for the current HTTP request,
 * or, outside a request (timers, messaging, tests), the principal of the runtime's
 * {@link SecurityContext} as a {@linkplain Caller#propagated propagated} caller: only the roles the
 * runtime reports (so a token caller's scopes still narrow them), never a session.
 */
@ApplicationScoped
public class CurrentCaller {

    private Instance<HttpServletRequest> request;
    private Instance<SecurityContext> securityContext;
    private AuthService auth;
    private RoleService roles;

    protected CurrentCaller() {
    }

    @Inject
    public CurrentCaller(Instance<HttpServletRequest> request, Instance<SecurityContext> securityContext,
                         AuthService auth, RoleService roles) {
        this.request = request;
        this.securityContext = securityContext;
        this.auth = auth;
        this.roles = roles;
    }

    public Optional<Caller> get() {
        if (request.isResolvable()) {
            try {
                if (request.get().getAttribute(Caller.class.getName()) instanceof Caller c) {
                    return Optional.of(c);
                }
            } catch (ContextNotActiveException | IllegalStateException e) {
                // not inside an HTTP request: fall back to the SecurityContext below
            }
        }
        if (!securityContext.isResolvable()) {
            return Optional.empty();
        }
        Principal p;
        try {
            p = securityContext.get().getCallerPrincipal();
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
        if (p == null) {
            return Optional.empty();
        }
        SecurityContext context = securityContext.get();
        return auth.findUser(p.getName()).filter(u -> !u.disabled()).map(u -> Caller.propagated(u,
                roles.grantedRoles(u.id()).stream().filter(r -> context.isCallerInRole(r.name())).toList()));
    }
}
