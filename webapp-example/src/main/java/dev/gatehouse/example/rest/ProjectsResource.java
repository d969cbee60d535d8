package dev.gatehouse.example.rest;

import dev.gatehouse.example.ProjectsApi;
import dev.gatehouse.role.RequiresPermission;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v2/projects}: the servlet API of {@link ProjectsApi} as a resource, with the same
 * permissions, declared here with {@code @RequiresPermission} (the bean behind checks them too).
 */
@Path("projects")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    ProjectsApi.Projects projects;

    @GET
    @RequiresPermission("projects.read")
    public String list() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        projects.list().forEach(list::add);
        return Json.createObjectBuilder().add("projects", list).build().toString();
    }

    /** The body is a string read by the resource, so no JSON provider is needed on any runtime. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresPermission("projects.write")
    public Response add(String body) {
        String name = body == null || body.length() > ProjectsApi.MAX_BODY_BYTES ? null : ProjectsApi.nameIn(body);
        try {
            projects.add(name);
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity(Json.createObjectBuilder().add("ok", false).add("error", e.getMessage())
                    .add("code", "invalid_request").build().toString()).build();
        }
        return Response.status(201).entity(Json.createObjectBuilder().add("ok", true).add("name", name.strip()).build()
                .toString()).build();
    }
}
