package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.internal.web.Denials;
import dev.gatehouse.internal.web.Refusal;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * An enterprise bean's container refused the caller: 403, or 401 when nobody is signed in (as
 * Gatehouse's own guards answer), never the runtime's 500. Registered only where the EJB API exists.
 */
public final class EjbAccessMapper implements ExceptionMapper<EJBAccessException> {

    private final Callers callers = new Callers();

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(EJBAccessException e) {
        return AuthExceptionMapper.refuse(request, Refusal.of(Denials.find(e, callers.get().isPresent())), true);
    }
}
