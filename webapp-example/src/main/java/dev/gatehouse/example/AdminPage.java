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

    static final int PAGE_SIZE = 20;

    /** The admin section's tabs, the one shown marked. */
    static String tabs(HttpServletRequest req, String current) {
        String ctx = req.getContextPath();
        StringBuilder b = new StringBuilder("<ul class='tabs' aria-label='Admin sections'>");
        for (String[] t : new String[][] {{AdminDashboard.PATH, "Overview"}, {"/admin", "Users"}, {AdminRoles.PATH, "Roles"},
                {"/admin/audit", "Audit trail"}}) {
            b.append("<li><a href='").append(ctx).append(t[0]).append("'").append(t[0].equals(current)
                    ? " aria-current='page'" : "").append('>').append(t[1]).append("</a></li>");
        }
        return b.append("</ul>").toString();
    }

    /** Users: search by email or username, {@value #PAGE_SIZE} a page; each row's state, roles, second factors, actions. */
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String ctx = req.getContextPath();
        String q = req.getParameter("q") == null ? "" : req.getParameter("q").strip();
        int page = page(req.getParameter("page"));
        AdminActions.UserPage found = admin.users(q, page, PAGE_SIZE);
        String search = "<form method='get' action='" + ctx + "/admin' class='row' role='search'><label>Search users "
                + "<input type='search' name='q' id='user-search' value='" + esc(q) + "' placeholder='email or username'>"
                + "</label><button id='search' class='secondary'>Search</button>" + (q.isEmpty() ? "" : " <a href='" + ctx
                + "/admin'>Clear</a>") + "</form>";
        StringBuilder b = new StringBuilder();
        if (found.users().isEmpty()) {
            b.append("<p class='empty' id='no-users'>").append(q.isEmpty() ? "No users yet." : "No user matches <b>"
                    + esc(q) + "</b>.").append("</p>");
        } else {
            b.append("<div class='table'><table id='users'><tr><th>User</th><th>State</th><th>Roles</th><th>Two-step</th>"
                    + "<th>Actions</th></tr>");
            for (User u : found.users()) {
                b.append(row(ctx, u));
            }
            b.append("</table></div><datalist id='role-names'>");
            admin.roleDefinitions().forEach(r -> b.append("<option value='").append(esc(r.name())).append("'>"));
            b.append("</datalist>");
        }
        render(req, res, 200, "Admin", tabs(req, "/admin") + search + b + pager(ctx, q, page, found.more())
                + "<p class='muted'>Every action asks you to confirm it's you if you signed in more than a few minutes ago."
                + (q.isEmpty() ? "" : " A search reads at most " + AdminActions.SEARCH_SCAN_LIMIT + " users.") + "</p>");
    }

    private String row(String ctx, User u) {
        String id = esc(u.id());
        boolean twoStep = admin.hasTwoStep(u.id());
        int passkeys = admin.passkeyCount(u.id());
        String name = esc(u.email() != null ? u.email() : u.username());
        return "<tr><td><b>" + name + "</b><br><span class='muted'>since " + SecurityCentre.when(u.createdAt())
                + "</span></td><td>" + (u.disabled() ? "<span class='badge bad'>disabled</span>"
                : "<span class='badge good'>active</span>") + (u.emailVerified() ? "" : " <span class='badge warn'>email "
                + "not verified</span>") + "</td><td>" + esc(String.join(", ", admin.rolesOf(u.id()))) + "</td><td>"
                + (twoStep ? "<span class='badge good'>app</span> " : "") + (passkeys > 0 ? "<span class='badge good'>"
                + passkeys + " passkey" + (passkeys > 1 ? "s" : "") + "</span>" : "") + (twoStep || passkeys > 0 ? ""
                : "<span class='badge'>off</span>") + "</td><td><form method='post' action='" + ctx + "/admin'>"
                + "<input type='hidden' name='user' value='" + id + "'><div class='row'><input name='role' list='role-names' "
                + "aria-label='Role for " + name + "' placeholder='role' size='8'><button name='do' value='grant'>Grant</button>"
                + "<button name='do' value='revoke'>Revoke</button></div><div class='row'><button name='do' value='"
                + (u.disabled() ? "enable'>Enable" : "disable'>Disable") + "</button><button name='do' value='sessions'>End "
                + "sessions</button>" + (twoStep ? "<button name='do' value='mfa-reset'>Reset two-step sign-in</button>" : "")
                + "</div></form></td></tr>";
    }

    private static String pager(String ctx, String q, int page, boolean more) {
        if (page == 0 && !more) {
            return "";
        }
        String query = q.isEmpty() ? "" : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&";
        return "<div class='pager'>" + (page > 0 ? "<a id='previous' href='" + ctx + "/admin?"
                + esc(query) + "page=" + (page - 1) + "'>Previous</a>" : "") + "<span>Page " + (page + 1) + "</span>"
                + (more ? "<a id='next' href='" + ctx + "/admin?" + esc(query) + "page=" + (page + 1) + "'>Next</a>" : "")
                + "</div>";
    }

    private static int page(String v) {
        try {
            return v == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(v.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
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
            render(req, res, 400, "Admin", tabs(req, "/admin") + error(message(e)) + "<p><a href='" + req.getContextPath()
                    + "/admin'>Back to the users</a></p>");
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
