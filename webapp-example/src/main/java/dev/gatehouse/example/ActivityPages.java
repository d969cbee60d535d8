package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.InvalidRequestException;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.web.Guards;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Security activity from Gatehouse's audit trail: the caller's own, and everyone's for an administrator. */
public final class ActivityPages {

    /** The permission that reads every account's events, as in the JSON API. */
    static final String AUDIT_READ = "audit.read";
    static final int PAGE = 20;

    private ActivityPages() {
    }

    /** "Security activity": sign-ins, refusals, changes to the account, newest first, {@value #PAGE} at a time. */
    @WebServlet("/account/activity")
    public static class Own extends Page {
        @Inject
        AuditLog audit;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Caller c = requireSession(req, res);
            if (c == null) {
                return;
            }
            try {
                AuditPage page = audit.forUser(c.userId(), limit(req), req.getParameter("cursor"));
                String thisDevice = c.sessionId().substring(0, 16);
                render(req, res, 200, "Security activity", "<p>What happened to your account, newest first. Something "
                        + "you don't recognise? <a href='" + req.getContextPath() + "/password'>Change your password</a> "
                        + "and <a href='" + req.getContextPath() + "/devices'>sign out other devices</a>.</p>"
                        + table(page, false, thisDevice) + older(req, "/account/activity", Map.of(), page));
            } catch (InvalidRequestException e) {
                render(req, res, 400, "Security activity", error(e.getMessage()));
            }
        }
    }

    /** Every account's events for a holder of {@value #AUDIT_READ}: filters by user, type and time, paged. */
    @WebServlet("/admin/audit")
    public static class Audit extends Page {
        @Inject
        AuditLog audit;
        @Inject
        dev.gatehouse.account.UserAdminService accounts;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            if (requireSession(req, res) == null) {
                return;
            }
            Guards.requirePermission(req, AUDIT_READ);
            Map<String, String> filters = new LinkedHashMap<>();
            for (String name : new String[] {"user", "type", "from", "to"}) {
                String v = req.getParameter(name);
                if (v != null && !v.isBlank()) {
                    filters.put(name, v.strip());
                }
            }
            try {
                AuditQuery q = new AuditQuery(userId(filters.get("user")), types(filters.get("type")),
                        instant(filters.get("from"), "from"), instant(filters.get("to"), "to"), limit(req),
                        req.getParameter("cursor"));
                AuditPage page = audit.query(q);
                render(req, res, 200, "Audit trail", tabs(req) + form(req, filters) + table(page, true, null)
                        + older(req, "/admin/audit", filters, page));
            } catch (InvalidRequestException e) {
                render(req, res, 400, "Audit trail", tabs(req) + error(e.getMessage()) + form(req, filters));
            }
        }

        /** The admin tabs, for an admin (a holder of {@value #AUDIT_READ} alone sees this page only). */
        private static String tabs(HttpServletRequest req) {
            return caller(req).filter(c -> c.isInRole("admin")).isPresent() ? AdminPage.tabs(req, "/admin/audit") : "";
        }

        /** A user id, or the id of the account with this email; an unknown email matches nobody. */
        private String userId(String user) {
            if (user == null || !user.contains("@")) {
                return user;
            }
            return accounts.findUserByEmail(user).map(dev.gatehouse.User::id).orElse("-");
        }

        private static Set<EventType> types(String type) {
            if (type == null) {
                return Set.of();
            }
            Set<EventType> types = EnumSet.noneOf(EventType.class);
            for (String t : type.split(",")) {
                types.add(EventType.fromWire(t.strip()).orElseThrow(() ->
                        new InvalidRequestException("Unknown event type '" + t.strip() + "'.")));
            }
            return types;
        }

        /** An ISO instant ({@code 2026-03-01T10:00:00Z}) or a date (midnight UTC). */
        private static Instant instant(String v, String name) {
            if (v == null) {
                return null;
            }
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("'" + name + "' must be a date (2026-03-01) or a UTC time "
                        + "(2026-03-01T10:00:00Z).");
            }
        }

        private static String form(HttpServletRequest req, Map<String, String> f) {
            StringBuilder types = new StringBuilder("<option value=''>any</option>");
            for (EventType t : EventType.values()) {
                types.append("<option").append(t.wireName().equals(f.get("type")) ? " selected" : "").append('>')
                        .append(esc(t.wireName())).append("</option>");
            }
            return "<form method='get' action='" + req.getContextPath() + "/admin/audit' id='audit-filters' class='card'>"
                    + "<div class='row'><label>User (id or email) <input name='user' id='filter-user' value='"
                    + esc(f.get("user")) + "'></label><label>Event <select name='type' id='filter-type'>" + types
                    + "</select></label><label>From <input name='from' id='filter-from' placeholder='2026-03-01' value='"
                    + esc(f.get("from")) + "'></label><label>Until <input name='to' id='filter-to' "
                    + "placeholder='2026-03-02T00:00:00Z' value='" + esc(f.get("to")) + "'></label><button id='filter'>Show"
                    + "</button></div></form>";
        }
    }

    /** The event type in words, for people; the tables show the wire name beside it. */
    static String describe(EventType type) {
        return switch (type) {
            case SIGN_UP -> "Account created";
            case SIGN_IN -> "Sign-in";
            case SIGN_IN_LOCKED -> "Sign-in locked";
            case SIGN_IN_MFA -> "Sign-in, second step";
            case SIGN_OUT -> "Signed out";
            case SESSION_CREATED -> "Session started";
            case SESSION_REVOKED -> "Session ended";
            case REAUTH -> "Confirmed it's you";
            case TOKEN_CREATED -> "API token created";
            case TOKEN_REVOKED -> "API token revoked";
            case PASSWORD_CHANGED -> "Password changed";
            case PASSWORD_RESET_REQUESTED -> "Password reset asked for";
            case PASSWORD_RESET -> "Password reset";
            case EMAIL_VERIFIED -> "Email verified";
            case EMAIL_CHANGE_REQUESTED -> "Email change asked for";
            case EMAIL_CHANGED -> "Email changed";
            case MFA_ENABLED -> "Authenticator app on";
            case MFA_DISABLED -> "Authenticator app removed";
            case MFA_RESET -> "Two-step sign-in reset by an admin";
            case RECOVERY_CODES_REGENERATED -> "New recovery codes";
            case RECOVERY_CODE_USED -> "Recovery code used";
            case PASSKEY_REGISTERED -> "Passkey added";
            case PASSKEY_RENAMED -> "Passkey renamed";
            case PASSKEY_REMOVED -> "Passkey deleted";
            case OIDC_LINKED -> "Provider linked";
            case OIDC_UNLINKED -> "Provider unlinked";
            case ROLE_GRANTED -> "Role granted";
            case ROLE_REVOKED -> "Role revoked";
            case ADMIN_ACTION -> "Admin action";
            case CSRF_REFUSED -> "Cross-site request refused";
            case ACCESS_DENIED -> "Access refused";
        };
    }

    static int limit(HttpServletRequest req) {
        String v = req.getParameter("limit");
        try {
            return v == null || v.isBlank() ? PAGE : Integer.parseInt(v.strip()); // the query checks 1-200
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("'limit' must be a whole number from 1 to " + AuditQuery.MAX_LIMIT + ".");
        }
    }

    /** The events as a table; every value escaped, for they carry what clients sent (user agents, say). */
    static String table(AuditPage page, boolean everyone, String thisDevice) {
        if (page.events().isEmpty()) {
            return "<p id='no-events' class='empty'>No events.</p>";
        }
        StringBuilder b = new StringBuilder("<div class='table'><table id='events'><tr><th>When (UTC)</th><th>Event</th><th>Outcome</th>")
                .append(everyone ? "<th>User</th><th>Actor</th>" : "").append("<th>Device</th><th>From</th><th>Browser</th>"
                        + "<th>Details</th></tr>");
        for (SecurityEvent e : page.events()) {
            String device = e.sessionRef() == null ? (e.tokenRef() == null ? "" : "token " + e.tokenRef())
                    : e.sessionRef().equals(thisDevice) ? "this device" : "session " + e.sessionRef();
            b.append("<tr class='event'><td>").append(Page.esc(e.occurredAt())).append("</td><td class='type'>")
                    .append(Page.esc(e.type().wireName())).append("</td><td class='outcome'>")
                    .append(Page.esc(e.outcome().name().toLowerCase(java.util.Locale.ROOT))).append("</td>");
            if (everyone) {
                b.append("<td class='user'>").append(Page.esc(e.userId())).append("</td><td>").append(Page.esc(e.actor())).append("</td>");
            }
            b.append("<td>").append(Page.esc(device)).append("</td><td>").append(Page.esc(e.ip())).append("</td><td>")
                    .append(Page.esc(e.userAgent())).append("</td><td>").append(Page.esc(e.details().entrySet().stream()
                            .map(d -> d.getKey() + "=" + d.getValue()).sorted().collect(Collectors.joining(" "))))
                    .append("</td></tr>");
        }
        return b.append("</table></div>").toString();
    }

    /** The link to the next page, keeping the filters; none after the last page. */
    static String older(HttpServletRequest req, String path, Map<String, String> filters, AuditPage page) {
        if (page.nextCursor() == null) {
            return "";
        }
        StringBuilder q = new StringBuilder();
        filters.forEach((k, v) -> q.append(k).append('=').append(enc(v)).append('&'));
        if (req.getParameter("limit") != null) {
            q.append("limit=").append(enc(req.getParameter("limit"))).append('&');
        }
        q.append("cursor=").append(enc(page.nextCursor()));
        return "<p><a id='older' href='" + Page.esc(req.getContextPath() + path + "?" + q) + "'>Older events</a></p>";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
