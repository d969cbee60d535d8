package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.User;
import dev.gatehouse.web.ClientAddress;
import dev.gatehouse.web.Guards;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Users, roles, disable/enable, end sessions. Guarded twice: by the container and by
 * {@link AdminActions}; every action is written to the audit log with the actor and the target.
 */
@WebServlet("/admin")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminPage extends Page {

    @Inject
    AdminActions admin;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String ctx = req.getContextPath();
        StringBuilder b = new StringBuilder("<table id='users'><tr><th>Email</th><th>Roles</th><th>Status</th><th>Two-step</th>"
                + "<th>Actions</th></tr>");
        for (User u : admin.users()) {
            String id = esc(u.id());
            boolean twoStep = admin.hasTwoStep(u.id());
            b.append("<tr><td>").append(esc(u.email() != null ? u.email() : u.username())).append("</td><td>")
                    .append(esc(String.join(", ", admin.rolesOf(u.id())))).append("</td><td>")
                    .append(u.disabled() ? "disabled" : "active").append("</td><td>").append(twoStep ? "app" : "off")
                    .append("</td><td><form method='post' action='").append(ctx)
                    .append("/admin'><input type='hidden' name='user' value='").append(id).append("'>")
                    .append("<input name='role' placeholder='role' size='8'> <button name='do' value='grant'>Grant</button>")
                    .append("<button name='do' value='revoke'>Revoke</button> <button name='do' value='")
                    .append(u.disabled() ? "enable'>Enable" : "disable'>Disable").append("</button>")
                    .append(" <button name='do' value='sessions'>End sessions</button>")
                    .append(twoStep ? " <button name='do' value='mfa-reset'>Reset two-step sign-in</button>" : "")
                    .append("</form></td></tr>");
        }
        render(req, res, 200, "Admin", b + "</table><p>Every action asks you to confirm it's you if you signed in more "
                + "than a few minutes ago.</p>");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Guards.requireSession(req); // the forms are for a browser; API tokens may only read
        Caller actor = requireRecentAuth(req, res, "/admin");
        if (actor == null) {
            return;
        }
        String action = String.valueOf(req.getParameter("do"));
        String user = req.getParameter("user");
        String role = req.getParameter("role");
        try {
            switch (action) {
                case "grant" -> admin.grant(user, role);
                case "revoke" -> admin.revoke(user, role);
                case "disable" -> admin.disable(user);
                case "enable" -> admin.enable(user);
                case "sessions" -> admin.endSessions(user);
                case "mfa-reset" -> admin.resetTwoStep(user, actor.userId());
                default -> throw new IllegalArgumentException("Unknown action");
            }
            audit(Level.INFO, action, "done", actor, user, role, req);
            res.sendRedirect(req.getContextPath() + "/admin");
        } catch (RuntimeException e) {
            audit(Level.WARNING, action, "refused", actor, user, role, req);
            render(req, res, 400, "Admin", error(message(e)));
        }
    }

    /** One line per admin action: who did what to whom, from where; the inputs cut to a safe alphabet. */
    private static void audit(Level level, String action, String outcome, Caller actor, String target, String role,
                              HttpServletRequest req) {
        AUDIT.log(level, "event=admin.{0} outcome={1} who={2} target={3} role={4} ip={5}", safe(action), outcome,
                actor.userId(), safe(target), safe(role), ClientAddress.of(req));
    }

    static String safe(String s) {
        return s == null ? null : s.length() > 64 || !s.matches("[A-Za-z0-9._:@-]*") ? "(invalid)" : s;
    }
}
