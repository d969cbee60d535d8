package dev.gatehouse.example;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.web.ClientAddress;
import dev.gatehouse.web.Guards;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Base of the example's pages: layout and security headers, the CSRF check of every form post,
 * escaping, and turning Gatehouse errors into messages.
 */
abstract class Page extends HttpServlet {

    static final System.Logger AUDIT = System.getLogger("dev.gatehouse.audit");

    @Inject
    AuthSettings settings;
    @Inject
    DevOutbox outbox;
    @Inject
    ExampleSetup setup;

    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (char c : o.toString().toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Every page request: the bootstrap admin is promoted once verified (then a GET is sent to
     * the same page again, so it shows the new role), and a POST without this browser's form
     * token is refused before the page sees it.
     */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws ServletException, IOException {
        Optional<Caller> c = caller(req);
        if (c.isPresent() && setup.promoteIfBootstrap(c.get(), ClientAddress.of(req)) && req.getMethod().equals("GET")) {
            String query = req.getQueryString();
            res.sendRedirect(req.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        if (req.getMethod().equals("POST") && !FormToken.valid(req, secure(req))) {
            AUDIT.log(Level.WARNING, "event=csrf.refused path={0} who={1} ip={2}", req.getServletPath(),
                    c.map(Caller::userId).orElse(null), ClientAddress.of(req));
            render(req, res, 403, "Form expired", error("This form was not sent from this site's page, or it expired. "
                    + "Go back, reload the page and try again."));
            return;
        }
        super.service(req, res);
    }

    boolean secure(HttpServletRequest req) {
        return settings.sessions().cookieSecure() || req.isSecure();
    }

    static Optional<Caller> caller(HttpServletRequest req) {
        return Guards.caller(req);
    }

    /**
     * The caller, who must be signed in with a browser session: anonymous visitors are sent to
     * the sign-in page (null returned); any other caller (an API token) is refused with 403.
     */
    static Caller requireSession(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (caller(req).isEmpty()) {
            res.sendRedirect(signIn(req));
            return null;
        }
        return Guards.requireSession(req);
    }

    /**
     * The sign-in page, which brings the user back to this request's page afterwards (GET only: a form post is
     * not repeated); {@link ConfirmPage#safeNext} keeps the return path to this site.
     */
    static String signIn(HttpServletRequest req) {
        String ctx = req.getContextPath();
        if (!req.getMethod().equals("GET")) {
            return ctx + "/login";
        }
        String query = req.getQueryString();
        return ctx + "/login?next=" + URLEncoder.encode(req.getRequestURI().substring(ctx.length())
                + (query == null ? "" : "?" + query), StandardCharsets.UTF_8);
    }

    /**
     * The caller, who must be a browser session that signed in or re-authenticated within
     * {@code reauthWindowSeconds}: anonymous visitors go to the sign-in page, a session that is not
     * recent to {@link ConfirmPage} (which brings the user back to {@code back}, a path under this
     * application), and null is returned; any other caller is refused with 403.
     */
    static Caller requireRecentAuth(HttpServletRequest req, HttpServletResponse res, String back) throws IOException {
        if (requireSession(req, res) == null) {
            return null;
        }
        try {
            return Guards.requireRecentAuth(req);
        } catch (AccessDeniedException e) {
            if (e.code() != ErrorCode.REAUTH_REQUIRED) {
                throw e;
            }
            res.sendRedirect(req.getContextPath() + ConfirmPage.PATH + "?next="
                    + URLEncoder.encode(back, StandardCharsets.UTF_8));
            return null;
        }
    }

    /** A user-facing message for anything Gatehouse may refuse. */
    static String message(RuntimeException e) {
        if (e instanceof RateLimitedException r) {
            return "Too many attempts. Try again in " + r.retryAfterSeconds() + " seconds.";
        }
        if (e instanceof AccessDeniedException) {
            throw e; // a guard's refusal: Gatehouse's filter answers it with its own status (401/403)
        }
        if (e instanceof AuthException) { // validation included; an IllegalArgumentException is a bug, never shown
            return e.getMessage();
        }
        if (e instanceof GatehouseUnavailableException) {
            return "The service is busy or unavailable. Try again shortly.";
        }
        throw e;
    }

    /** A cookie's value from the request, or null. */
    static String cookie(HttpServletRequest req, String name) {
        if (req.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : req.getCookies()) {
                if (c.getName().equals(name)) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    static void setCookie(HttpServletResponse res, SessionCookie cookie) {
        res.addHeader("Set-Cookie", cookie.toSetCookieHeader());
        res.setHeader("Cache-Control", "no-store");
    }

    /** Writes a page in the layout; every post form in {@code body} gets this browser's form token. */
    void render(HttpServletRequest req, HttpServletResponse res, int status, String title, String body) throws IOException {
        render(req, res, status, title, body, false);
    }

    /**
     * {@link #render(HttpServletRequest, HttpServletResponse, int, String, String)}, and with {@code passkeys} the
     * passkey script ({@link StaticFiles#PASSKEYS}), loaded with the page's nonce like the page's own script: the
     * policy stays nonce-only.
     */
    void render(HttpServletRequest req, HttpServletResponse res, int status, String title, String body, boolean passkeys)
            throws IOException {
        String nonce = FormToken.random(18);
        String token = FormToken.issue(req, res, secure(req));
        String main = ("<h1>" + esc(title) + "</h1><p id='message' class='error' role='status'></p>" + body)
                .replaceAll("(<form method='post'[^>]*>)", "$1<input type='hidden' name='" + FormToken.FIELD + "' value='"
                        + token + "'>");
        res.setStatus(status);
        res.setContentType("text/html;charset=utf-8");
        headers(req, res, nonce);
        res.getWriter().write(Layout.page(req, caller(req), outbox.servedTo(req).isPresent(), title, main, nonce, token,
                passkeys));
    }

    private void headers(HttpServletRequest req, HttpServletResponse res, String nonce) {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'self'; "
                + "connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        if (secure(req)) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    static String error(String message) {
        return message == null ? "" : "<p class='error' id='error' role='alert'>" + esc(message) + "</p>";
    }
}
