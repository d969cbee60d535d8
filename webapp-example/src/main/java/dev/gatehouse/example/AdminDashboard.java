package dev.gatehouse.example;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The admin dashboard: the numbers that say whether sign-in is healthy, with charts of the last day's sign-ins,
 * failures, lockouts and access refusals per hour from the audit trail (server-rendered SVG), and the live sessions
 * and tokens. Guarded twice, like {@link AdminPage}: the container's constraint and {@link AdminStats}' role.
 */
@WebServlet(AdminDashboard.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminDashboard extends Page {

    static final String PATH = "/admin/dashboard";

    @Inject
    AdminStats stats;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        AdminStats.Hourly h = stats.hourly();
        AdminStats.Live live = stats.live();
        String numbers = "<div class='stats' id='stats'>" + stat("stat-users", live.users() + (live.truncated() ? "+" : ""),
                "accounts") + stat("stat-sessions", live.sessions(), "live sessions") + stat("stat-tokens", live.tokens(),
                "live API tokens") + stat("stat-signins", sum(h.signIns()), "sign-ins, 24\u00a0h") + stat("stat-failures",
                sum(h.failures()), "failed sign-ins, 24\u00a0h") + stat("stat-lockouts", sum(h.lockouts()), "lockouts, 24\u00a0h")
                + stat("stat-ratelimits", stats.rateLimitRefusals(), "rate-limit refusals since start") + "</div>";
        String charts = "<div class='charts'>" + chartCard(Charts.hourly("chart-signins", "Sign-ins per hour", h.signIns(),
                h.start(), "success")) + chartCard(Charts.hourly("chart-failures", "Failed sign-ins per hour", h.failures(),
                h.start(), "failure")) + chartCard(Charts.hourly("chart-lockouts", "Lockouts per hour", h.lockouts(),
                h.start(), "lockout")) + chartCard(Charts.hourly("chart-refusals", "Refused requests (401, 403, cross-site) "
                + "per hour", h.refusals(), h.start(), "denied")) + "</div>";
        render(req, res, 200, "Admin", AdminPage.tabs(req, PATH) + numbers + charts + "<p class='muted'>From the audit "
                + "trail (<a href='" + req.getContextPath() + "/admin/audit'>every event</a>)" + (h.truncated()
                ? ", its first " + AdminStats.EVENT_LIMIT + " events of the day" : "") + ". Rate-limit refusals are not "
                + "audit events: Gatehouse logs them and counts them in its meter (<code>/metrics</code>), shown here "
                + "since this server started.</p>");
    }

    private static String stat(String id, Object value, String label) {
        return "<div class='stat'><b id='" + id + "'>" + esc(value) + "</b><span>" + esc(label) + "</span></div>";
    }

    private static String chartCard(String figure) {
        return "<section class='card'>" + figure + "</section>";
    }

    private static int sum(int[] counts) {
        return Arrays.stream(counts).sum();
    }
}
