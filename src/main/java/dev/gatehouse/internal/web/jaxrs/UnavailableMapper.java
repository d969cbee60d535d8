package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.web.Refusal;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** {@link GatehouseUnavailableException}: 503 (its code) with {@code Retry-After}, never 401 or 500. */
public final class UnavailableMapper implements ExceptionMapper<GatehouseUnavailableException> {

    @Override
    public Response toResponse(GatehouseUnavailableException e) {
        return Responses.of(Refusal.of(e));
    }
}
