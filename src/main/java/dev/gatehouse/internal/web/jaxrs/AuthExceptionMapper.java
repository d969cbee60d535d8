package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.internal.web.Resolution;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Any {@link AuthException}: its code's status and the JSON error shape; a 401 carries its
 * challenge, and an {@link AccessDeniedException} is written to the audit log like the servlet
 * filter's refusals.
 */
public final class AuthExceptionMapper implements ExceptionMapper<AuthException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(AuthException e) {
        return refuse(request, Refusal.of(e), e instanceof AccessDeniedException);
    }

    /** @param audit write the refusal to the audit log (access refusals, not answers to bad input) */
    static Response refuse(HttpServletRequest request, Refusal refusal, boolean audit) {
        Resolution who = request == null ? null : resolution(request);
        if (audit && request != null) {
            Refusals.audit(CDI.current().select(AuditTrail.class).get(), request, refusal, request.getRequestURI(), who);
        }
        return Responses.of(refusal.challenging(who != null && who.rejectedBearer()));
    }

    private static Resolution resolution(HttpServletRequest request) {
        return request.getAttribute(CallerResolver.ATTRIBUTE) instanceof Resolution r ? r : null;
    }
}
