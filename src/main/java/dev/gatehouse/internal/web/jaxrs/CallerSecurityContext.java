package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.Caller;
import dev.gatehouse.web.jaxrs.GatehouseFeature;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * {@code @Context SecurityContext} answered from the Gatehouse caller (null for anonymous). Not a
 * record: a generated {@code toString} would print the caller's session id into any log line.
 */
final class CallerSecurityContext implements SecurityContext {

    private final Caller caller;
    private final SecurityContext runtime;

    CallerSecurityContext(Caller caller, SecurityContext runtime) {
        this.caller = caller;
        this.runtime = runtime;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller == null ? null : new CallerPrincipal(caller.userId());
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller != null && role != null && caller.isInRole(role);
    }

    @Override
    public boolean isSecure() {
        return runtime != null && runtime.isSecure();
    }

    /** The credential's kind; for a caller the runtime propagated, the runtime's own scheme. */
    @Override
    public String getAuthenticationScheme() {
        if (caller == null) {
            return null;
        }
        return switch (caller.method()) {
            case SESSION -> GatehouseFeature.SESSION_AUTH;
            case API_TOKEN -> GatehouseFeature.BEARER_AUTH;
            case PROPAGATED -> runtime == null ? null : runtime.getAuthenticationScheme();
        };
    }
}
