package dev.gatehouse.example.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** {@code GET /api/v2/me}: what the standard {@link SecurityContext} says about the caller, open to everyone. */
@Path("me")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @GET
    public String me(@Context SecurityContext security) {
        Principal p = security.getUserPrincipal();
        String scheme = security.getAuthenticationScheme();
        return Json.createObjectBuilder()
                .add("principal", p == null ? Json.createValue("") : Json.createValue(p.getName()))
                .add("admin", security.isUserInRole("admin"))
                .add("member", security.isUserInRole("member"))
                .add("scheme", scheme == null ? "" : scheme)
                .build().toString();
    }
}
