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
            res.sendRedirect(req.getContextPath() + "/login");
            return null;
        }
        return Guards.requireSession(req);
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
     * passkey script ({@link StaticFiles#PASSKEYS}), loaded with the same nonce as the inline one: the policy stays
     * nonce-only.
     */
    void render(HttpServletRequest req, HttpServletResponse res, int status, String title, String body, boolean passkeys)
            throws IOException {
        String nonce = FormToken.random(18);
        String token = FormToken.issue(req, res, secure(req));
        String html = (nav(req) + "<h1>" + esc(title) + "</h1><p id='message' class='error'></p>" + body)
                .replaceAll("(<form method='post'[^>]*>)", "$1<input type='hidden' name='" + FormToken.FIELD + "' value='"
                        + token + "'>");
        res.setStatus(status);
        res.setContentType("text/html;charset=utf-8");
        headers(req, res, nonce);
        res.getWriter().write("<!doctype html><html><head><meta charset='utf-8'><title>" + esc(title)
                + " · Gatehouse example</title><style nonce='" + nonce + "'>" + STYLE + "</style></head><body data-ctx='"
                + esc(req.getContextPath()) + "'>" + html
                + "<script nonce='" + nonce + "'>" + SCRIPT + "</script>" + (passkeys ? "<script nonce='" + nonce + "' src='"
                + esc(req.getContextPath()) + StaticFiles.PASSKEYS + "'></script>" : "") + "</body></html>");
    }

    private void headers(HttpServletRequest req, HttpServletResponse res, String nonce) {
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("X-Frame-Options", "DENY");
        res.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce + "'; style-src 'nonce-"
                + nonce + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        if (secure(req)) {
            res.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    private String nav(HttpServletRequest req) {
        Optional<Caller> c = caller(req);
        String ctx = req.getContextPath();
        StringBuilder nav = new StringBuilder("<nav><a href='" + ctx + "/'>Home</a>");
        if (c.isPresent()) {
            nav.append(" · <a href='").append(ctx).append("/dashboard'>Dashboard</a> · <a href='").append(ctx)
                    .append("/devices'>Devices</a> · <a href='").append(ctx).append("/tokens'>API tokens</a> · <a href='")
                    .append(ctx).append("/password'>Password</a> · <a href='").append(ctx)
                    .append("/account/security'>Security</a> · <a href='").append(ctx).append("/account/email'>Email</a> · <a href='")
                    .append(ctx).append("/account/activity'>Activity</a>");
            if (c.get().isInRole("admin")) {
                nav.append(" · <a href='").append(ctx).append("/admin'>Admin</a>");
            }
            if (c.get().hasPermission(ActivityPages.AUDIT_READ)) {
                nav.append(" · <a href='").append(ctx).append("/admin/audit'>Audit</a>");
            }
            nav.append(" · <form method='post' action='").append(ctx).append("/logout' data-api='").append(ctx)
                    .append("/auth/logout' data-next='").append(ctx).append("/' class='inline'>")
                    .append("<button id='logout'>Sign out</button></form>");
        } else {
            nav.append(" · <a href='").append(ctx).append("/login'>Sign in</a> · <a href='").append(ctx)
                    .append("/signup'>Sign up</a>");
        }
        if (outbox.servedTo(req).isPresent()) {
            nav.append(" · <a href='").append(ctx).append("/outbox'>Dev outbox</a>");
        }
        return nav.append("</nav>").toString();
    }

    static String error(String message) {
        return message == null ? "" : "<p class='error' id='error'>" + esc(message) + "</p>";
    }

    static final String STYLE = "body{font-family:sans-serif;max-width:52em;margin:2em auto;padding:0 1em}"
            + "nav{margin-bottom:1.5em}.error{color:#b00020}.ok{color:#05660d}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}input{margin:.2em 0}code{word-break:break-all}"
            + ".inline{display:inline}.qr svg{display:block;width:14em;height:14em;margin:.5em 0}";

    /**
     * Progressive enhancement: a form with data-api is sent with fetch as JSON to the Gatehouse API
     * and its error (with the retry time of a rate limit) shown in place; without JavaScript the
     * same form posts to the page. The form token is the page's own; the API checks the request's
     * origin instead.
     */
    static final String SCRIPT = """
            document.querySelectorAll('form[data-api]').forEach(function (form) {
              form.addEventListener('submit', async function (ev) {
                ev.preventDefault();
                const body = {};
                new FormData(form).forEach(function (v, k) {
                  if (k === 'csrf') { return; }
                  if (k === 'scopes') { body[k] = v.split(',').map(function (s) { return s.trim(); }).filter(Boolean); }
                  else if (k === 'expiresInDays') { if (v !== '') body[k] = parseInt(v, 10); }
                  else { body[k] = v; }
                });
                const res = await fetch(form.dataset.api, {method: form.dataset.method || 'POST',
                  headers: {'Content-Type': 'application/json', 'Accept': 'application/json'}, body: JSON.stringify(body)});
                let data = {};
                try { data = await res.json(); } catch (e) { data = {}; }
                const msg = document.getElementById('message');
                const ctx = document.body.dataset.ctx;
                if (data.code === 'mfa_required') {
                  const methods = data.methods || [];
                  window.location.href = ctx + '/login/code' + (!methods.includes('passkey') ? ''
                    : methods.length === 1 ? '?passkey=only' : '?passkey=1');
                  return;
                }
                if (data.code === 'reauth_required') {
                  window.location.href = ctx + '/account/confirm?next='
                    + encodeURIComponent(window.location.pathname.substring(ctx.length) + window.location.search);
                  return;
                }
                if (data.mfaEnrolmentRequired) { window.location.href = ctx + '/account/security'; return; }
                if (!res.ok) {
                  let text = data.error || ('Request failed (' + res.status + ')');
                  if (res.status === 429 && res.headers.get('Retry-After')) {
                    text += ' (retry in ' + res.headers.get('Retry-After') + ' s)';
                  }
                  msg.className = 'error'; msg.textContent = text; return;
                }
                if (data.location) { window.location.href = data.location; return; } // to a sign-in provider
                if (data.token) {
                  msg.className = 'ok'; msg.innerHTML = '';
                  const c = document.createElement('code'); c.id = 'new-token'; c.textContent = data.token;
                  msg.append('New token (shown once): ', c); return;
                }
                window.location.href = form.dataset.next || window.location.href;
              });
            });
            """;
}
