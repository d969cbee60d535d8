package dev.gatehouse.example.rest;

import dev.gatehouse.example.AdminActions;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v2/admin/stats}: {@code @RolesAllowed} on a resource class. */
@Path("admin/stats")
@RequestScoped
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatsResource {

    @Inject
    AdminActions admin;

    @GET
    public String stats() {
        return admin.stats();
    }
}
