package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A {@link Refusal} as a JAX-RS response: the status, headers and JSON body {@link Refusals} writes for servlets. */
final class Responses {

    private static final MediaType JSON = MediaType.valueOf(Refusals.JSON_TYPE);

    private Responses() {
    }

    static Response of(Refusal refusal) {
        Response.ResponseBuilder b = Response.status(refusal.status()).type(JSON).entity(Refusals.body(refusal));
        refusal.headers().forEach(b::header);
        return b.build();
    }
}
