package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.web.Refusal;
import jakarta.ejb.EJBException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.lang.System.Logger.Level;

/**
 * An enterprise bean's container wraps what a bean throws (a guard's {@link AccessDeniedException}, an
 * unavailable database) in an {@link EJBException}: answered as the exception inside; anything else
 * is logged and answered 500 {@code internal_error}, showing nothing of it. Registered only where the
 * EJB API exists; {@code EJBAccessException} has its own mapper.
 */
public final class EjbExceptionMapper implements ExceptionMapper<EJBException> {

    private static final System.Logger LOG = System.getLogger(EjbExceptionMapper.class.getName());

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(EJBException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof AuthException a) {
                return AuthExceptionMapper.refuse(request, Refusal.of(a), a instanceof AccessDeniedException);
            }
            if (t instanceof GatehouseUnavailableException u) {
                return Responses.of(Refusal.of(u));
            }
        }
        LOG.log(Level.ERROR, "enterprise bean failed", e);
        return Responses.of(Refusal.internal());
    }
}
