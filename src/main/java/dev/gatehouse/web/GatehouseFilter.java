package dev.gatehouse.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.HttpSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.web.CallerRequest;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Denials;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.internal.web.UrlRules;
import dev.gatehouse.internal.web.api.AuthApi;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gatehouse's servlet filter, mapped to {@code /*} (by {@link GatehouseInitializer}). On every
 * request it resolves the caller once (session cookie, then API token), re-sends a renewed
 * session cookie, serves the JSON API under the auth prefix, enforces the URL rules, and turns an
 * {@link AccessDeniedException} thrown by the application, or an EJB container's
 * {@code EJBAccessException}, into 401/403 (JSON for API clients, the container's error page
 * otherwise) and a {@link GatehouseUnavailableException} into 503.
 *
 * <p>Init parameter (or context parameter, else setting {@code filterMode}) {@value #MODE}: {@code container} when the
 * container authenticates through the mechanism (WildFly, Payara, Jetty with
 * {@code GatehouseJettyAuthenticator}); {@code filter} on any other Servlet 6 container: then this
 * filter wraps the request so {@code getUserPrincipal}, {@code isUserInRole}, {@code getRemoteUser}
 * and {@code getAuthType} answer. In both modes it enforces {@value #RULES} (else {@code filterRules};
 * e.g. {@code /admin/*=admin}), which filter mode needs since the container's own constraints cannot
 * see the caller there, and which are never ignored where they are written. Rules match the container's decoded,
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
    private transient Metrics metrics;
    private transient AuditTrail trail;
    private boolean wrap;

    @Override
    public void init() throws ServletException {
        resolver = CDI.current().select(CallerResolver.class).get();
        api = CDI.current().select(AuthApi.class).get();
        metrics = CDI.current().select(Metrics.class).get();
        trail = CDI.current().select(AuditTrail.class).get();
        HttpSettings http = CDI.current().select(AuthSettings.class).get().http(); // the parameters below override it
        String mode = param(MODE, http.filterMode().wireName());
        if (!mode.equals("container") && !mode.equals("filter")) {
            throw new ServletException(MODE + " must be 'container' or 'filter' (got '" + mode + "')");
        }
        wrap = mode.equals("filter");
        rules = UrlRules.parse(param(RULES, http.filterRules()));
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
            who = resolver.resolve(req);
        } catch (GatehouseUnavailableException e) {
            Refusals.answer(req, res, Refusal.of(e), api.owns(path)); // a browser gets the 503 page, with Retry-After
            return;
        }
        resolver.renew(req, res);
        if (who.csrfBlocked() && !who.authenticated()) {
            metrics.csrfRefused();
            refuse(req, res, Refusal.of(ErrorCode.CSRF, "Cross-site request refused."), who);
            return;
        }
        if (api.handle(path, req, res, who)) {
            return;
        }
        // The rules hold in every mode: rules someone wrote are never silently ignored.
        String target = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        if (rules.protects(target) && UrlRules.isAmbiguous(path)) {
            refuse(req, res, Refusal.of(ErrorCode.INVALID_REQUEST, "Ambiguous request path."), who);
            return;
        }
        AccessDeniedException ruled = rules.check(target, who.caller());
        if (ruled != null) {
            refuse(req, res, Refusal.of(ruled), who);
            return;
        }
        try {
            chain.doFilter(wrap ? new CallerRequest(req, who) : req, res);
        } catch (IOException | ServletException | RuntimeException e) {
            AccessDeniedException denied = Denials.find(e, who.authenticated());
            GatehouseUnavailableException down = find(e, GatehouseUnavailableException.class);
            if (res.isCommitted() || (denied == null && down == null)) {
                throw e;
            }
            res.reset();
            if (denied != null) {
                refuse(req, res, Refusal.of(denied), who);
            } else {
                Refusals.answer(req, res, Refusal.of(down), api.owns(path));
            }
        }
    }

    /**
     * Logs the refusal with the caller and answers it (a 401 with its challenge): JSON for API
     * clients and API paths, the container's error page otherwise.
     */
    private void refuse(HttpServletRequest req, HttpServletResponse res, Refusal refusal, Resolution who)
            throws IOException {
        Refusals.audit(trail, req, refusal, req.getRequestURI(), who);
        Refusals.answer(req, res, refusal.challenging(who.rejectedBearer()),
                api.owns(req.getRequestURI().substring(req.getContextPath().length())));
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
