package dev.gatehouse.example;

import dev.gatehouse.User;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Users, roles, disable/enable, end sessions. Guarded twice: by the container and by {@link AdminActions}. */
@WebServlet("/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminPage extends Page {

    @Inject
    AdminActions admin;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String ctx = req.getContextPath();
        StringBuilder b = new StringBuilder("<table id='users'><tr><th>Email</th><th>Roles</th><th>Status</th><th>Actions</th></tr>");
        for (User u : admin.users()) {
            String id = esc(u.id());
            b.append("<tr><td>").append(esc(u.email() != null ? u.email() : u.username())).append("</td><td>")
                    .append(esc(String.join(", ", admin.rolesOf(u.id())))).append("</td><td>")
                    .append(u.disabled() ? "disabled" : "active").append("</td><td><form method='post' action='").append(ctx)
                    .append("/admin'><input type='hidden' name='user' value='").append(id).append("'>")
                    .append("<input name='role' placeholder='role' size='8'> <button name='do' value='grant'>Grant</button>")
                    .append("<button name='do' value='revoke'>Revoke</button> <button name='do' value='")
                    .append(u.disabled() ? "enable'>Enable" : "disable'>Disable").append("</button>")
                    .append(" <button name='do' value='sessions'>End sessions</button></form></td></tr>");
        }
        render(req, res, 200, "Admin", b + "</table>");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String user = req.getParameter("user");
        String role = req.getParameter("role");
        try {
            switch (String.valueOf(req.getParameter("do"))) {
                case "grant" -> admin.grant(user, role);
                case "revoke" -> admin.revoke(user, role);
                case "disable" -> admin.disable(user);
                case "enable" -> admin.enable(user);
                case "sessions" -> admin.endSessions(user);
                default -> throw new IllegalArgumentException("Unknown action");
            }
            res.sendRedirect(ctx(req) + "/admin");
        } catch (RuntimeException e) {
            render(req, res, 400, "Admin", error(message(e)));
        }
    }

    private static String ctx(HttpServletRequest req) {
        return req.getContextPath();
    }
}
