package dev.gatehouse.docs;

import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.RequiresSession;
import dev.gatehouse.web.jaxrs.GatehouseFeature;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

/** The snippets of docs/JAX-RS.md, sections "Guarding resources" and "Who is calling": they must compile. */
final class JaxRsGuardingResources {

    private JaxRsGuardingResources() {
    }

    @Path("projects")
    @RequiresPermission("projects.read")                 // every method: signed in, with projects.read
    public static class ProjectsResource {

        @GET
        public String list() {
            return "[]";
        }

        @POST
        @RequiresPermission("projects.write")            // overrides the class's permission
        public String create() {
            return "{}";
        }

        @DELETE
        @Path("{id}")
        @RolesAllowed("admin")                           // and the role admin
        public void delete(@PathParam("id") String id) {
        }

        @GET
        @Path("public")
        @PermitAll                                       // lifts role rules only: the permission still applies
        public String featured() {
            return "[]";
        }
    }

    @Path("account")
    @RequiresSession                                     // a browser session: API tokens get 403
    public static class AccountResource {

        @GET
        public String me(@Context SecurityContext security) {
            String userId = security.getUserPrincipal().getName();   // never null here: anonymous got 401
            boolean viaToken = GatehouseFeature.BEARER_AUTH.equals(security.getAuthenticationScheme());
            return "{\"id\":\"" + userId + "\",\"admin\":" + security.isUserInRole("admin")
                    + ",\"token\":" + viaToken + "}";
        }

        @POST
        @Path("email")
        @RequiresRecentAuth                              // and signed in or re-authenticated lately
        public void changeEmail(String newEmail) {
        }
    }
}
