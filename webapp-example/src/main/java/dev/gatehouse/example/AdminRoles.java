package dev.gatehouse.example;

import dev.gatehouse.role.Role;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** The role definitions: each role's permissions and how many users hold it. Read only. */
@WebServlet(AdminRoles.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminRoles extends Page {

    static final String PATH = "/admin/roles";

    @Inject
    AdminActions admin;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        List<Role> roles = admin.roleDefinitions();
        StringBuilder b = new StringBuilder();
        if (roles.isEmpty()) {
            b.append("<p class='empty'>No role is defined.</p>");
        } else {
            b.append("<div class='table'><table id='roles-table'><tr><th>Role</th><th>Permissions</th><th>Users</th>")
                    .append("<th>Defined</th></tr>");
            for (Role r : roles) {
                b.append("<tr><td><b>").append(esc(r.name())).append("</b></td><td>");
                r.permissions().forEach(p -> b.append("<span class='badge accent'>").append(esc(p)).append("</span> "));
                b.append(r.permissions().isEmpty() ? "<span class='muted'>none</span>" : "").append("</td><td>")
                        .append(admin.usersWithRole(r.name()).size()).append("</td><td>")
                        .append(SecurityCentre.when(r.createdAt())).append("</td></tr>");
            }
            b.append("</table></div>");
        }
        render(req, res, 200, "Admin", AdminPage.tabs(req, PATH) + "<p class='lead'>What each role may do. A permission "
                + "<code>*</code> grants everything; <code>projects.*</code> every permission of projects. Grant and "
                + "revoke roles on the <a href='" + req.getContextPath() + "/admin'>Users</a> tab; define roles with "
                + "<code>RoleService.defineRole</code> or the command line (<code>role define --name R --permissions p1,p2</code>).</p>" + b);
    }
}
