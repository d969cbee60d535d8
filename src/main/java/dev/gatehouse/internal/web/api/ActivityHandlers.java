package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.web.Resolution;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The security activity rows: a session's own events, and everyone's for a holder of {@value #AUDIT_READ}. */
final class ActivityHandlers {

    /** The permission that reads every account's events (a session, or an API token with this scope). */
    static final String AUDIT_READ = "audit.read";
    static final int DEFAULT_LIMIT = 50;

    private final AuditLog audit;

    ActivityHandlers(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code GET /activity}: the session caller's own events, newest first. */
    void own(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        AuditPage page = audit.forUser(caller.userId(), limit(c.req()), c.req().getParameter("cursor"));
        JsonIo.write(c.res(), 200, page(page, false));
    }

    /** {@code GET /admin/audit}: every account's events, filtered. */
    void all(ApiCall c) throws IOException {
        auditReader(c.who());
        HttpServletRequest req = c.req();
        AuditQuery q = new AuditQuery(req.getParameter("user"), types(req.getParameterValues("type")),
                instant(req, "from"), instant(req, "to"), limit(req), req.getParameter("cursor"));
        JsonIo.write(c.res(), 200, page(audit.query(q), true));
    }

    private static void auditReader(Resolution who) {
        Access.refuseCsrf(who);
        if (!who.authenticated()) {
            throw AccessDeniedException.authRequired();
        }
        if (!who.caller().hasPermission(AUDIT_READ)) {
            throw AccessDeniedException.forbidden(AUDIT_READ);
        }
    }

    private static int limit(HttpServletRequest req) {
        String v = req.getParameter("limit");
        if (v == null || v.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(v); // the query checks the range
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'limit' must be a whole number from 1 to " + AuditQuery.MAX_LIMIT + ".");
        }
    }

    private static Set<EventType> types(String[] values) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        if (values != null) {
            for (String v : values) {
                types.add(EventType.fromWire(v.strip().toLowerCase(Locale.ROOT)).orElseThrow(() ->
                        ApiError.badRequest("Unknown event 'type' (see docs/AUDIT.md for the list).")));
            }
        }
        return types;
    }

    private static Instant instant(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' must be an ISO-8601 UTC time such as 2026-03-01T10:00:00Z.");
        }
    }

    private static JsonObject page(AuditPage page, boolean withUser) {
        JsonArrayBuilder events = JsonIo.array();
        page.events().forEach(e -> events.add(event(e, withUser)));
        JsonObjectBuilder b = JsonIo.object().add("events", events);
        return (page.nextCursor() == null ? b.addNull("nextCursor") : b.add("nextCursor", page.nextCursor())).build();
    }

    private static JsonObject event(SecurityEvent e, boolean withUser) {
        JsonObjectBuilder o = JsonIo.object().add("id", e.id()).add("occurredAt", e.occurredAt().toString())
                .add("type", e.type().wireName()).add("outcome", e.outcome().name().toLowerCase(Locale.ROOT));
        if (withUser) {
            nullable(o, "userId", e.userId());
        }
        nullable(o, "actor", e.actor());
        nullable(o, "sessionRef", e.sessionRef());
        nullable(o, "tokenRef", e.tokenRef());
        nullable(o, "ip", e.ip());
        nullable(o, "userAgent", e.userAgent());
        JsonObjectBuilder details = JsonIo.object();
        e.details().forEach(details::add);
        return o.add("details", details).build();
    }

    private static void nullable(JsonObjectBuilder b, String key, String value) {
        if (value == null) {
            b.addNull(key);
        } else {
            b.add(key, value);
        }
    }
}
