package dev.gatehouse.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.web.CallerRequest;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.internal.web.UrlRules;
import dev.gatehouse.internal.web.api.AuthApi;
import dev.gatehouse.internal.web.api.JsonIo;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * Gatehouse's servlet filter, mapped to {@code /*} (by {@link GatehouseInitializer}). On every
 * request it resolves the caller once (session cookie, then API token), re-sends a renewed
 * session cookie, serves the JSON API under the auth prefix, and turns an
 * {@link AccessDeniedException} thrown by the application into 401/403 (JSON for API clients, the
 * container's error page otherwise) and a {@link GatehouseUnavailableException} into 503.
 *
 * <p>Init parameter (or context parameter) {@value #MODE}: {@code container} (default) when the
 * container authenticates through the mechanism (WildFly, Payara, Jetty with
 * {@code GatehouseJettyAuthenticator}); {@code filter} on any other Servlet 6 container: then this
 * filter wraps the request so {@code getUserPrincipal}, {@code isUserInRole}, {@code getRemoteUser}
 * and {@code getAuthType} answer, and enforces {@value #RULES} (e.g. {@code /admin/*=admin}),
 * since the container's own constraints cannot see the caller. Rules match the container's decoded,
 * normalised path ({@code getServletPath() + getPathInfo()}), case-insensitively; a request whose raw
 * path is ambiguous (an encoded or doubled '/', a dot segment, a ';' parameter, a backslash) and
 * lands under a rule is refused with 400 rather than guessed at.
 *
 * <p>In every mode, a state-changing request from another origin's page (see
 * {@code AuthSettings.trustedOrigins}) is refused with 403 {@code csrf} unless an API token
 * authenticates it; every refusal is written to the audit log with the caller and address.
 */
public class GatehouseFilter extends HttpFilter {

    public static final String MODE = "dev.gatehouse.mode";
    public static final String RULES = "dev.gatehouse.rules";

    private transient CallerResolver resolver;
    private transient AuthApi api;
    private transient UrlRules rules;
    private boolean wrap;

    @Override
    public void init() throws ServletException {
        resolver = CDI.current().select(CallerResolver.class).get();
        api = CDI.current().select(AuthApi.class).get();
        String mode = param(MODE, "container");
        if (!mode.equals("container") && !mode.equals("filter")) {
            throw new ServletException(MODE + " must be 'container' or 'filter' (got '" + mode + "')");
        }
        wrap = mode.equals("filter");
        rules = UrlRules.parse(param(RULES, ""));
    }

    private String param(String name, String fallback) {
        String v = getInitParameter(name);
        if (v == null) {
            v = getServletContext().getInitParameter(name);
        }
        return v == null ? fallback : v.strip();
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Resolution who;
        try {
            who = resolver.resolve(req, res);
        } catch (GatehouseUnavailableException e) {
            JsonIo.unavailable(res, e);
            return;
        }
        if (who.csrfBlocked() && !who.authenticated()) {
            refuse(req, res, 403, "csrf", "Cross-site request refused.", who);
            return;
        }
        if (api.handle(path, req, res, who)) {
            return;
        }
        HttpServletRequest effective = req;
        if (wrap) {
            effective = new CallerRequest(req, who.caller());
            String target = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (rules.protects(target) && UrlRules.isAmbiguous(path)) {
                refuse(req, res, 400, "invalid_request", "Ambiguous request path.", who);
                return;
            }
            int status = rules.check(target, who.caller());
            if (status != 0) {
                deny(req, res, status == 401 ? AccessDeniedException.authRequired() : AccessDeniedException.forbidden(null), who);
                return;
            }
        }
        try {
            chain.doFilter(effective, res);
        } catch (IOException | ServletException | RuntimeException e) {
            AccessDeniedException denied = find(e, AccessDeniedException.class);
            GatehouseUnavailableException down = find(e, GatehouseUnavailableException.class);
            if (res.isCommitted() || (denied == null && down == null)) {
                throw e;
            }
            res.reset();
            if (denied != null) {
                deny(req, res, denied, who);
            } else {
                JsonIo.unavailable(res, down);
            }
        }
    }

    private void deny(HttpServletRequest req, HttpServletResponse res, AccessDeniedException e, Resolution who)
            throws IOException {
        if (e.status() == 401) {
            res.setHeader("WWW-Authenticate", who.rejectedBearer() ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"");
        }
        refuse(req, res, e.status(), e.code().wire(), e.getMessage(), who);
    }

    /** Logs the refusal with the caller and answers it: JSON for API clients, the container's error page otherwise. */
    private void refuse(HttpServletRequest req, HttpServletResponse res, int status, String code, String message,
                        Resolution who) throws IOException {
        Audit.warn("access.refused:" + status + ":" + code + " " + req.getMethod() + " "
                        + UrlRules.printable(req.getRequestURI()),
                who.authenticated() ? who.caller().userId() : "anonymous", ClientAddress.of(req));
        if (wantsJson(req) || api.owns(req.getRequestURI().substring(req.getContextPath().length()))) {
            JsonIo.error(res, status, code, message);
        } else {
            res.sendError(status);
        }
    }

    /** API clients: a bearer token, a JSON body, or a JSON Accept header. */
    static boolean wantsJson(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        String type = req.getContentType();
        return req.getHeader("Authorization") != null
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("json"))
                || (type != null && type.toLowerCase(Locale.ROOT).contains("json"));
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
