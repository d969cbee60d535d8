package dev.gatehouse.example;

import dev.gatehouse.Caller;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The example's own error pages, in place of the container's (which may show its name, version
 * or a stack trace). Registered as the error page for {@link #CODES} and any exception: by
 * {@link Main} on embedded Jetty and by {@code WEB-INF/web.xml} in the WAR. Each says what to do
 * next: 401 signs in and comes back (to a path of this site only), 403 names what the page needs,
 * 429 and 503 say how long to wait ({@code Retry-After}, which Gatehouse sets before the container
 * sends the error here).
 */
@WebServlet("/error")
public class ErrorPage extends Page {

    static final List<Integer> CODES = List.of(400, 401, 403, 404, 405, 413, 429, 500, 503);

    /** What the example's guarded pages need, by path prefix, as shown on a 403 (their guards are the truth). */
    private static final Map<String, String> NEEDS = needs();

    private static Map<String, String> needs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("/admin/audit", "the permission <code>" + ActivityPages.AUDIT_READ + "</code>");
        m.put("/metrics", "the permission <code>" + MetricsEndpoint.PERMISSION + "</code>");
        String role = String.join(", ", AdminPage.class.getAnnotation(ServletSecurity.class).value().rolesAllowed());
        m.put("/admin", "the role <code>" + esc(role) + "</code>");
        m.put("/api/admin", "the role <code>" + esc(role) + "</code>");
        return m;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        int status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 404;
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
            status = 500; // never shown: the exception is logged by the container
        }
        String ctx = req.getContextPath();
        String uri = req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String u && u.startsWith(ctx)
                ? u.substring(ctx.length()) : "/";
        String home = "<p class='actions'><a class='button secondary' href='" + ctx + "/'>Home</a></p>";
        String[] page = switch (status) {
            case 401 -> new String[] {"Sign in required", signIn(req, uri)};
            case 403 -> new String[] {"Not allowed", forbidden(caller(req), uri) + home};
            case 404 -> new String[] {"Page not found", "<p id='error-detail'>There is no page at <code>" + esc(uri)
                    + "</code>. Check the address, or start again from the home page.</p>" + home};
            case 429 -> new String[] {"Too many requests", "<p id='error-detail'>" + wait(res, "Slow down: wait")
                    + ", then try again. Limits like this one protect accounts from guessing.</p>" + home};
            case 503 -> new String[] {"Temporarily unavailable", "<p id='error-detail'>The service is busy or its database "
                    + "is unreachable. " + wait(res, "Wait") + " and try again.</p><p class='actions'>" + retry(req, uri)
                    + "<a class='button secondary' href='" + ctx + "/'>Home</a></p>"};
            case 405 -> new String[] {"Request refused", "<p id='error-detail'>This page does not take that kind of "
                    + "request.</p>" + home};
            case 413 -> new String[] {"Request too large", "<p id='error-detail'>What was sent is larger than this site "
                    + "accepts.</p>" + home};
            default -> status >= 500 ? new String[] {"Something went wrong", "<p id='error-detail'>Something went wrong on "
                    + "our side. Try again later.</p>" + home}
                    : new String[] {"Request refused", "<p id='error-detail'>The request could not be handled.</p>" + home};
        };
        render(req, res, status, page[0], "<div class='card narrow-card'><p class='badge bad'>Error " + status + "</p>"
                + page[1] + "</div>");
    }

    /** 401: sign in, then back to the page asked for (GET only; a path of this site, never another host). */
    private static String signIn(HttpServletRequest req, String uri) {
        String ctx = req.getContextPath();
        String next = req.getMethod().equals("GET") ? ConfirmPage.safeNext(uri) : "/dashboard";
        String query = next.equals("/dashboard") ? "" : "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return "<p id='error-detail'>You need to sign in to see " + (query.isEmpty() ? "this page" : "<code>" + esc(next)
                + "</code>") + ". You come back here afterwards.</p><p class='actions'><a class='button' id='sign-in-to-continue' "
                + "href='" + ctx + "/login" + esc(query) + "'>Sign in</a><a href='" + ctx + "/signup'>Create an account</a></p>";
    }

    /** 403: who is asking, and what the page needs that they lack. */
    static String forbidden(Optional<Caller> caller, String uri) {
        String needs = NEEDS.entrySet().stream().filter(e -> uri.equals(e.getKey()) || uri.startsWith(e.getKey() + "/"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (caller.isEmpty()) { // a container's own check may refuse before Gatehouse has named the caller
            return needs != null ? "<p id='error-detail'><code>" + esc(uri) + "</code> needs " + needs + ".</p>"
                    : "<p id='error-detail'>This request was refused: it came from another site's page, or a form "
                    + "expired. Go back, reload the page and try again.</p>";
        }
        Caller c = caller.get();
        if (!c.isSession()) {
            return "<p id='error-detail'>An API token cannot use this page: it takes a browser session. Sign in in a "
                    + "browser instead.</p>";
        }
        String roles = c.roles().isEmpty() ? "no role" : "the role" + (c.roles().size() > 1 ? "s " : " ")
                + esc(String.join(", ", c.roles()));
        return "<p id='error-detail'>" + (needs == null ? "Your account may not do that." : "<code>" + esc(uri)
                + "</code> needs " + needs + ".") + "</p><p id='error-have'>You are signed in as <b>" + esc(c.user().email())
                + "</b>, with " + roles + ". An administrator can grant what is missing.</p>";
    }

    /** "Wait 42 seconds" from the response's {@code Retry-After}, or "Wait a moment" without one. */
    static String wait(HttpServletResponse res, String verb) {
        String header = res.getHeader("Retry-After");
        long seconds;
        try {
            seconds = header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds <= 0) {
            return verb + " a moment";
        }
        String exact = "<b id='retry-after'>" + seconds + "</b> second" + (seconds == 1 ? "" : "s");
        return verb + " " + exact + (seconds >= 120 ? " (about " + Math.round(seconds / 60.0) + " minutes)" : "");
    }

    /** 503: a link that asks for the same page again (GET only). */
    private static String retry(HttpServletRequest req, String uri) {
        String path = ConfirmPage.safeNext(uri);
        return req.getMethod().equals("GET") && path.equals(uri)
                ? "<a class='button' id='retry' href='" + esc(req.getContextPath() + path) + "'>Try again</a>" : "";
    }
}
