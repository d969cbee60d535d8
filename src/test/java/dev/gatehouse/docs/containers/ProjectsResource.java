package dev.gatehouse.docs.containers;

import dev.gatehouse.role.RequiresPermission;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

@Path("projects")
@RequestScoped
public class ProjectsResource {
    @Inject
    Projects projects;

    @POST
    @RequiresPermission("projects.write")
    public Response add(String name) {
        projects.add(name);
        return Response.status(201).build();
    }

    @DELETE
    @RolesAllowed("admin")
    public void clear() {
        projects.clear();
    }

    @GET
    @Path("me")
    public String me(@Context SecurityContext security) {
        return security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }
}
