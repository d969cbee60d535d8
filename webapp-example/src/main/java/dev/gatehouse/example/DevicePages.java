package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.session.SessionService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * "Your devices": list sessions, revoke one, revoke all others. Browser sessions only; without a
 * session id "others" would mean every session, so it then ends nothing.
 */
@WebServlet("/devices")
public class DevicePages extends Page {

    @Inject
    SessionService sessions;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c == null) {
            return;
        }
        String ctx = req.getContextPath();
        StringBuilder rows = new StringBuilder("<div class='table'><table id='devices'><tr><th>Device</th><th>Signed in</th>"
                + "<th>Expires</th><th>From</th><th><span class='sr-only'>Actions</span></th></tr>");
        for (SessionInfo s : sessions.list(c.userId(), null)) {
            boolean current = s.id().equals(c.sessionId());
            rows.append(current ? "<tr class='current'>" : "<tr>").append("<td><b>")
                    .append(esc(Browsers.describe(s.userAgent()))).append("</b>")
                    .append(current ? " <span class='badge accent'>this device</span>" : "").append("<br><span class='muted'>")
                    .append(esc(s.userAgent())).append("</span></td><td>").append(SecurityCentre.when(s.createdAt()))
                    .append("</td><td>").append(SecurityCentre.when(s.expiresAt())).append("</td><td>").append(esc(s.ip()))
                    .append("</td><td>").append(current ? "this device" : "<form method='post' action='" + ctx + "/devices'>"
                            + "<input type='hidden' name='revoke' value='" + esc(s.id()) + "'><button>Sign out</button></form>")
                    .append("</td></tr>");
        }
        render(req, res, 200, "Your devices", "<p class='lead'>Every browser and app signed in to your account. The address "
                + "is where the device connected from: an approximate place.</p>" + rows + "</table></div><form "
                + "method='post' class='bare' action='" + ctx + "/devices' data-api='" + ctx + "/auth/sessions/revoke-others'><input "
                + "type='hidden' name='revoke' value='others'><button id='revoke-others' class='danger'>Sign out all other "
                + "devices</button></form>");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c == null) {
            return;
        }
        String revoke = req.getParameter("revoke");
        if ("others".equals(revoke) && requireRecentAuth(req, res, "/devices") == null) {
            return;
        }
        if ("others".equals(revoke) && c.sessionId() != null) {
            sessions.revokeOthers(c.userId(), c.sessionId());
        } else if (revoke != null && !revoke.isBlank()) {
            sessions.revoke(c.userId(), revoke);
        }
        res.sendRedirect(req.getContextPath() + "/devices");
    }
}
