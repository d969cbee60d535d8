package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.web.ClientAddress;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Writes every refusal of the filter, the mechanism, the Jetty authenticator and the JSON API: the
 * status of its {@link ErrorCode}, its headers ({@link Refusal#headers()}), and either the JSON shape
 * {@code {"ok":false,"error":message,"code":code}} or the container's error page.
 */
public final class Refusals {

    /** The content type of a JSON refusal. */
    public static final String JSON_TYPE = "application/json;charset=utf-8";

    private static final JsonProvider JSON = JsonProvider.provider();

    private Refusals() {
    }

    /** The JSON body of a refusal. */
    public static byte[] body(Refusal refusal) {
        var b = JSON.createObjectBuilder().add("ok", false).add("error", refusal.message()).add("code", refusal.code().wire());
        if (!refusal.methods().isEmpty()) {
            var methods = JSON.createArrayBuilder();
            refusal.methods().forEach(methods::add);
            b.add("methods", methods);
        }
        return JsonText.utf8(b.build());
    }

    /** Answers in JSON. */
    public static void json(HttpServletResponse response, Refusal refusal) throws IOException {
        byte[] body = body(refusal);
        response.setStatus(refusal.status());
        response.setContentType(JSON_TYPE);
        refusal.headers().forEach(response::setHeader);
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /** Answers with the container's error page for the status (browsers), keeping the headers. */
    public static void page(HttpServletResponse response, Refusal refusal) throws IOException {
        headers(response, refusal);
        response.sendError(refusal.status());
    }

    /** JSON for API clients (see {@link #wantsJson}) or when {@code json} is true, else the error page. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Refusal refusal, boolean json)
            throws IOException {
        if (json || wantsJson(request)) {
            json(response, refusal);
        } else {
            page(response, refusal);
        }
    }

    /**
     * Records a refusal: its audit line, and a {@code csrf.refused} or {@code access.denied} event
     * (outcome failure) with the caller, session or token, address, user agent, method, the request's
     * path (never its query string) and code.
     *
     * @param trail where the event goes; null: the audit line only
     * @param path  the path the audit line shows (the JSON API shows its route)
     */
    public static void audit(AuditTrail trail, HttpServletRequest request, Refusal refusal, String path, Resolution who) {
        audit(trail, request, refusal.status(), refusal.code().wire(), path, who);
    }

    /** @param reason the refusal's code, or a finer reason ({@code invalid_token} for a refused bearer token) */
    public static void audit(AuditTrail trail, HttpServletRequest request, int status, String reason, String path,
                             Resolution who) {
        Caller caller = who != null && who.authenticated() ? who.caller() : null;
        String shown = UrlRules.printable(path);
        Audit.warn("access.refused:" + status + ":" + reason + " " + request.getMethod() + " " + shown,
                caller != null ? caller.userId() : "anonymous", ClientAddress.of(request));
        if (trail == null) {
            return;
        }
        trail.event(ErrorCode.CSRF.wire().equals(reason) ? EventType.CSRF_REFUSED : EventType.ACCESS_DENIED, Outcome.FAILURE)
                .user(caller == null ? null : caller.userId())
                .session(caller == null ? null : caller.sessionId())
                .token(caller == null || caller.token() == null ? null : caller.token().id())
                .client(ClientAddress.of(request), request.getHeader("User-Agent"))
                .detail("method", request.getMethod()).detail("path", UrlRules.printable(request.getRequestURI()))
                .detail("code", reason).record();
    }

    /** Sets the refusal's headers only: the container writes the status and the page. */
    public static void headers(HttpServletResponse response, Refusal refusal) {
        refusal.headers().forEach(response::setHeader);
    }

    /** API clients: a bearer token, a JSON body, or a JSON Accept header. */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String type = request.getContentType();
        return request.getHeader("Authorization") != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("json"))
                || (type != null && type.toLowerCase(Locale.ROOT).contains("json"));
    }
}
