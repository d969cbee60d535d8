package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.internal.cdi.AccessRules;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Enforces one resource method's {@link AccessRules}; a refusal is an {@link AccessDeniedException},
 * which {@link AuthExceptionMapper} answers. A resource that is also a CDI bean is checked again by
 * the interceptors with the same rules and caller, so with the same result.
 */
final class AccessFilter implements ContainerRequestFilter {

    private final AccessRules rules;
    private final Callers callers;

    AccessFilter(AccessRules rules, Callers callers) {
        this.rules = rules;
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        rules.check(callers::get);
    }
}
