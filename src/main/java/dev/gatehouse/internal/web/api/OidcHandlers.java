package dev.gatehouse.internal.web.api;

import dev.gatehouse.AuthException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.oidc.OidcIdentity;
import dev.gatehouse.oidc.OidcOutcome;
import dev.gatehouse.internal.oidc.DefaultOidcService;
import dev.gatehouse.oidc.OidcStart;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenID Connect rows. {@code start} and {@code callback} are browser navigations: they answer with redirects
 * (and the callback's refusals with a small HTML page), not JSON. The flow cookie is HttpOnly, {@code SameSite=Lax}
 * (the provider's redirect back is a cross-site top-level GET, which {@code Strict} would strip) and scoped to the
 * callback path.
 */
final class OidcHandlers {

    private final AuthSettings settings;
    private final DefaultAuthService auth;
    private final DefaultOidcService oidc;
    private final SessionService sessions;
    private final CallerResolver resolver;

    OidcHandlers(AuthSettings settings, DefaultAuthService auth, DefaultOidcService oidc, SessionService sessions,
                 CallerResolver resolver) {
        this.settings = settings;
        this.auth = auth;
        this.oidc = oidc;
        this.sessions = sessions;
        this.resolver = resolver;
    }

    /** GET /oidc/providers: the providers a sign-in page may offer. */
    void providers(ApiCall c) throws IOException {
        JsonArrayBuilder a = JsonIo.array();
        oidc.providers().forEach(p -> a.add(JsonIo.object().add("id", p.id()).add("name", p.name()).add("signUp", p.signUp())));
        Views.ok(c.res(), 200, JsonIo.object().add("providers", a));
    }

    /** GET /oidc/{id}/start?returnTo=: to the provider, with the flow cookie. */
    void start(ApiCall c) throws IOException {
        known(c.id());
        OidcStart s = oidc.start(c.id(), c.req().getParameter("returnTo"), c.ip());
        redirect(c.res(), s.authorizationUri().toString(), s.flowCookie());
    }

    /** POST /oidc/{id}/link {returnTo?}: a recent session starts linking; answers where to send the browser. */
    void link(ApiCall c) throws IOException {
        known(c.id());
        Caller caller = Access.recentSessionCaller(c.who());
        OidcStart s = oidc.startLink(caller.userId(), c.id(), returnTo(c));
        c.res().addHeader("Set-Cookie", s.flowCookie().toSetCookieHeader());
        Views.ok(c.res(), 200, JsonIo.object().add("location", s.authorizationUri().toString()));
    }

    /**
     * POST /oidc/{id}/reauth {returnTo?}: "confirm it's you" with a linked provider; answers where to send the
     * browser. Any session of the user (this is how an old one becomes recent again).
     */
    void reauth(ApiCall c) throws IOException {
        known(c.id());
        Caller caller = Access.sessionCaller(c.who());
        OidcStart s = oidc.startReauth(caller.userId(), caller.sessionId(), c.id(), returnTo(c));
        c.res().addHeader("Set-Cookie", s.flowCookie().toSetCookieHeader());
        Views.ok(c.res(), 200, JsonIo.object().add("location", s.authorizationUri().toString()));
    }

    /** The optional {@code returnTo} of a JSON body (an empty body is none). */
    private static String returnTo(ApiCall c) throws IOException {
        boolean noBody = c.req().getContentLengthLong() <= 0 && c.req().getHeader("Transfer-Encoding") == null;
        return noBody ? null : JsonBodies.optionalString(c.body(), "returnTo");
    }

    /** GET /oidc/{id}/callback: the provider's answer; a redirect on success, a page saying why on refusal. */
    void callback(ApiCall c) throws IOException {
        known(c.id());
        Map<String, String> q = new HashMap<>();
        for (String name : new String[] {"code", "state", "iss", "error"}) {
            String v = c.req().getParameter(name);
            if (v != null) {
                q.put(name, v);
            }
        }
        SessionCookie forget = oidc.flowCookieDeletion(c.id());
        OidcOutcome o;
        try {
            o = oidc.finish(c.id(), c.cookie(OidcStart.COOKIE), q, c.ip(), c.userAgent(), resolver.deviceCookieValue(c.req()));
        } catch (AuthException | GatehouseUnavailableException e) {
            ErrorCode code = e instanceof AuthException a ? a.code() : ((GatehouseUnavailableException) e).code();
            page(c.res(), code, e.getMessage(), forget);
            return;
        }
        String back = o.returnTo() == null ? "/" : o.returnTo();
        SignInResult r = o.signIn();
        if (r == null) { // a link or a re-authentication: no new session
            redirect(c.res(), back, forget);
            return;
        }
        if (r.mfaRequired()) {
            redirect(c.res(), settings.oidc().oidcSecondStepPath(), forget, r.challenge().pendingCookie());
            return;
        }
        String old = resolver.cookieValue(c.req());
        if (old != null) {
            sessions.signOut(old);
        }
        CallerResolver.remember(c.req(), Resolution.ANONYMOUS);
        SessionCookie device = r.deviceCookie().orElse(null);
        redirect(c.res(), back, forget, auth.mfaCookieDeletion(), r.cookie(), device);
    }

    /** GET /oidc/identities: the caller's linked identities, oldest first. */
    void identities(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        JsonArrayBuilder a = JsonIo.array();
        oidc.identities(caller.userId()).forEach(i -> a.add(identity(i)));
        Views.ok(c.res(), 200, JsonIo.object().add("identities", a));
    }

    /** DELETE /oidc/identities/{id}: unlinks one (409 when it is the account's last way to sign in). */
    void unlink(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        if (!oidc.unlink(caller.userId(), c.id(), c.ip(), c.userAgent())) {
            throw RouteTable.notFound();
        }
        Views.ok(c.res(), 200, JsonIo.object().add("removed", true));
    }

    private static JsonObjectBuilder identity(OidcIdentity i) {
        JsonObjectBuilder b = JsonIo.object().add("id", i.id()).add("provider", i.provider())
                .add("createdAt", i.createdAt().toString());
        if (i.email() == null) {
            b.addNull("email");
        } else {
            b.add("email", i.email());
        }
        if (i.lastUsedAt() == null) {
            b.addNull("lastUsedAt");
        } else {
            b.add("lastUsedAt", i.lastUsedAt().toString());
        }
        return b;
    }

    private void known(String provider) {
        if (settings.oidc().provider(provider).isEmpty()) {
            throw RouteTable.notFound();
        }
    }

    private static void redirect(HttpServletResponse res, String location, SessionCookie... cookies) {
        for (SessionCookie k : cookies) {
            if (k != null) {
                res.addHeader("Set-Cookie", k.toSetCookieHeader());
            }
        }
        res.setStatus(302);
        res.setHeader("Location", location);
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Referrer-Policy", "no-referrer"); // the callback's URL carries the code
    }

    /** The callback's refusal as a page: the message (escaped), a way back, nothing else. */
    private static void page(HttpServletResponse res, ErrorCode code, String message, SessionCookie forget) throws IOException {
        res.addHeader("Set-Cookie", forget.toSetCookieHeader());
        res.setStatus(code.httpStatus());
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Referrer-Policy", "no-referrer");
        res.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
        if (code == ErrorCode.OIDC_PROVIDER_UNAVAILABLE) {
            res.setHeader("Retry-After", "30");
        }
        res.setContentType("text/html;charset=utf-8");
        String body = "<!doctype html><html lang=en><meta charset=utf-8><title>Sign-in did not complete</title>"
                + "<body style=\"font-family:sans-serif;max-width:36em;margin:3em auto\"><h1>Sign-in did not complete</h1>"
                + "<p id=message>" + escape(message) + "</p><p><code id=code>" + code.wire() + "</code></p>"
                + "<p><a href=\"/\">Back</a></p></body></html>";
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
