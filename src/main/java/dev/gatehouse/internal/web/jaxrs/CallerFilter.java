package dev.gatehouse.internal.web.jaxrs;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/** Makes {@code @Context SecurityContext} answer from the Gatehouse caller of the request. */
@Priority(Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {

    private final Callers callers = new Callers();

    @Override
    public void filter(ContainerRequestContext request) {
        request.setSecurityContext(new CallerSecurityContext(callers.get().orElse(null), request.getSecurityContext()));
    }
}
