package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.Caller;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.ClientIp;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.internal.web.UrlRules;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON API under {@link AuthSettings#authPathPrefix()}: every account flow of the issue's
 * table, with the documented status codes. Served by {@code GatehouseFilter}; a path it does not
 * know falls through to the application.
 */
@ApplicationScoped
public class AuthApi {

    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    private AuthSettings settings;
    private AuthService auth;
    private SessionService sessions;
    private ApiTokenService apiTokens;
    private CallerResolver resolver;
    private Emails emails;
    private ClientIp clientIp;
    private Event<AccountCreated> created;

    protected AuthApi() {
    }

    @Inject
    public AuthApi(AuthSettings settings, AuthService auth, SessionService sessions, ApiTokenService apiTokens,
                   CallerResolver resolver, Emails emails, Event<AccountCreated> created) {
        this.created = created;
        this.settings = settings;
        this.auth = auth;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.resolver = resolver;
        this.emails = emails;
        this.clientIp = new ClientIp(settings.trustedProxies());
    }

    /** True for paths under the API's prefix (answered in JSON, whatever happens). */
    public boolean owns(String path) {
        return path.startsWith(settings.authPathPrefix() + "/");
    }

    /** @return false when the path is not an API path (the request falls through) */
    public boolean handle(String path, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        String p = settings.authPathPrefix();
        if (!owns(path)) {
            return false;
        }
        String route = path.substring(p.length());
        try {
            return route(route, req, res, who);
        } catch (ApiError e) {
            if (e.status == 401 || e.status == 403) {
                Audit.warn("access.refused:" + e.status + ":" + e.code + " " + req.getMethod() + " " + UrlRules.printable(route),
                        who.authenticated() ? who.caller().userId() : "anonymous", clientIp.of(req));
            }
            e.headers.forEach(res::setHeader);
            JsonIo.error(res, e.status, e.code, e.getMessage());
        } catch (RateLimitedException e) {
            res.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            JsonIo.error(res, 429, e.code().wire(), e.getMessage());
        } catch (AuthException e) {
            JsonIo.error(res, e.code().httpStatus(), e.code().wire(), e.getMessage());
        } catch (IllegalArgumentException e) {
            // A programming error, not a user's: its message may name internals, so it is only logged.
            LOG.log(Level.WARNING, "Gatehouse API " + req.getMethod() + " " + route + " refused: " + e.getMessage());
            JsonIo.error(res, 400, "invalid_request", "The request is not valid.");
        } catch (GatehouseUnavailableException e) {
            res.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            JsonIo.error(res, 503, e.code().wire(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Gatehouse API " + req.getMethod() + " " + route + " failed: " + e);
            JsonIo.error(res, 500, "internal_error", "Something went wrong. Try again later.");
        }
        return true;
    }

    private boolean route(String route, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        String m = req.getMethod();
        boolean credentials = settings.enableCredentialsApi();
        boolean signup = credentials && settings.enableSignup();
        switch (route) {
            case "/me" -> only(m, "GET", () -> me(res, who));
            case "/logout" -> only(m, "POST", () -> logout(req, res, who));
            case "/login" -> {
                if (!credentials) {
                    return false;
                }
                only(m, "POST", () -> login(req, res, who));
            }
            case "/signup" -> {
                if (!signup) {
                    return notFound(res);
                }
                only(m, "POST", () -> signup(req, res));
            }
            case "/username-available" -> {
                if (!signup || settings.identifier() != Identifier.USERNAME) {
                    return notFound(res);
                }
                only(m, "GET", () -> usernameAvailable(req, res));
            }
            case "/sessions" -> only(m, "GET", () -> listSessions(req, res, who));
            case "/sessions/revoke-others" -> only(m, "POST", () -> revokeOthers(req, res, who));
            case "/password" -> only(m, "POST", () -> changePassword(req, res, who));
            case "/password/forgot" -> only(m, "POST", () -> forgot(req, res));
            case "/password/reset" -> only(m, "POST", () -> reset(req, res));
            case "/email/verify/request" -> only(m, "POST", () -> verifyRequest(req, res, who));
            case "/email/verify" -> only(m, "POST", () -> verify(req, res));
            case "/tokens" -> {
                if (m.equals("GET")) {
                    listTokens(res, who);
                } else {
                    only(m, "GET, POST", () -> createToken(req, res, who));
                }
            }
            default -> {
                if (route.startsWith("/sessions/") && route.indexOf('/', 10) < 0) {
                    only(m, "DELETE", () -> revokeSession(route.substring(10), req, res, who));
                } else if (route.startsWith("/tokens/") && route.indexOf('/', 8) < 0) {
                    only(m, "DELETE", () -> revokeToken(route.substring(8), req, res, who));
                } else {
                    return false;
                }
            }
        }
        return true;
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void only(String method, String allow, Action action) throws IOException {
        String expected = allow.contains(",") ? allow.substring(allow.lastIndexOf(' ') + 1) : allow;
        if (!method.equals(expected)) {
            throw ApiError.methodNotAllowed(allow);
        }
        action.run();
    }

    private static boolean notFound(HttpServletResponse res) throws IOException {
        JsonIo.error(res, 404, "not_found", "Not found.");
        return true;
    }

    // ---- rows ----------------------------------------------------------------------------

    private void me(HttpServletResponse res, Resolution who) throws IOException {
        User u = who.authenticated() ? who.caller().user() : null;
        JsonIo.write(res, 200, JsonIo.object().add("user", Views.user(u)).build());
    }

    private void logout(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        String cookie = resolver.cookieValue(req);
        if (cookie != null && !who.csrfBlocked()) {
            sessions.signOut(cookie);
        }
        if (who.csrfBlocked()) {
            throw new ApiError(403, "csrf", "Cross-site request refused.");
        }
        CallerResolver.remember(req, Resolution.ANONYMOUS);
        res.addHeader("Set-Cookie", sessions.deletionCookie().toSetCookieHeader());
        // Not "cookies": that would also drop the device cookie, which must outlive a sign-out to let
        // its owner past a credential-stuffing flood (OWASP device cookies); the session cookie is deleted above.
        res.setHeader("Clear-Site-Data", SessionService.CLEAR_SITE_DATA);
        ok(res, 200, null);
    }

    private void login(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        refuseCsrf(who);
        String field = settings.identifier().wireName();
        JsonObject body = body(req);
        String required = "Both '" + field + "' and 'password' are required.";
        String id = JsonBodies.string(body, field, required);
        String password = JsonBodies.string(body, "password", required);
        SignInResult r = auth.signIn(id, password, clientIp.of(req), userAgent(req), resolver.deviceCookieValue(req));
        String old = resolver.cookieValue(req);
        if (old != null) {
            sessions.signOut(old); // a new session on every sign-in; the old token ends (ASVS 7.2.4)
        }
        signedIn(req, res, r, 200);
    }

    private void signup(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonObject body = body(req);
        String email;
        String username = null;
        String password;
        if (settings.identifier() == Identifier.USERNAME) {
            String required = "Both 'username' and 'password' are required.";
            username = JsonBodies.string(body, "username", required);
            password = JsonBodies.string(body, "password", required);
            email = JsonBodies.optionalString(body, "email");
        } else {
            String required = "Both 'email' and 'password' are required.";
            email = JsonBodies.string(body, "email", required);
            password = JsonBodies.string(body, "password", required);
        }
        SignInResult r = auth.signUp(email, username, password, clientIp.of(req), userAgent(req));
        try {
            created.fire(new AccountCreated(r.user()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an AccountCreated observer failed for user " + r.user().id() + ": " + e);
        }
        signedIn(req, res, r, 201);
    }

    private void signedIn(HttpServletRequest req, HttpServletResponse res, SignInResult r, int status) throws IOException {
        if (!r.signedIn()) {
            // The email must be confirmed before the account may act: no session, a link instead.
            if (settings.publicBaseUrl() != null) {
                emails.verifyLink(r.user(), auth.requestEmailVerification(r.user().id()));
            }
            ok(res, status, JsonIo.object().add("user", Views.user(r.user()))
                    .add("verificationRequired", true));
            return;
        }
        res.addHeader("Set-Cookie", r.cookie().toSetCookieHeader());
        r.deviceCookie().ifPresent(device -> res.addHeader("Set-Cookie", device.toSetCookieHeader()));
        ok(res, status, JsonIo.object().add("user", Views.user(r.user())));
    }

    private void usernameAvailable(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = req.getParameter("u") != null ? req.getParameter("u")
                : req.getParameter("username") != null ? req.getParameter("username") : "";
        JsonObjectBuilder b = JsonIo.object();
        try {
            b.add("available", auth.usernameAvailable(name, clientIp.of(req)));
        } catch (RateLimitedException e) {
            throw e;
        } catch (AuthException e) {
            b.add("available", false).add("reason", e.getMessage());
        }
        JsonIo.write(res, 200, b.build());
    }

    private void listSessions(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        JsonArrayBuilder list = JsonIo.array();
        for (SessionInfo s : sessions.list(c.userId(), who.cookieValue())) {
            JsonObjectBuilder o = JsonIo.object().add("id", s.id())
                    .add("createdAt", s.createdAt().toString()).add("expiresAt", s.expiresAt().toString());
            Views.nullable(o, "ip", s.ip());
            Views.nullable(o, "userAgent", s.userAgent());
            list.add(o.add("current", s.current()));
        }
        JsonIo.write(res, 200, JsonIo.object().add("sessions", list).build());
    }

    private void revokeSession(String id, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        boolean revoked = sessions.revoke(c.userId(), id);
        ok(res, 200, JsonIo.object().add("revoked", revoked));
    }

    private void revokeOthers(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        int n = sessions.revokeOthers(c.userId(), c.sessionId());
        ok(res, 200, JsonIo.object().add("revoked", n));
    }

    private void changePassword(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        JsonObject body = body(req);
        String required = "Both 'currentPassword' and 'newPassword' are required.";
        String current = JsonBodies.string(body, "currentPassword", required);
        String next = JsonBodies.string(body, "newPassword", required);
        auth.changePassword(c.userId(), c.sessionId(), current, next);
        SessionCookie fresh = sessions.start(c.userId(), clientIp.of(req), userAgent(req));
        res.addHeader("Set-Cookie", fresh.toSetCookieHeader());
        emails.passwordChanged(c.user(), apiTokens.list(c.userId()));
        ok(res, 200, null);
    }

    private void forgot(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonObject body = body(req);
        String email = JsonBodies.string(body, "email", "'email' is required.");
        emails.requireLinks();
        auth.requestPasswordReset(email, clientIp.of(req)).ifPresent(emails::resetLink);
        ok(res, 202, null);
    }

    private void reset(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonObject body = body(req);
        String required = "Both 'token' and 'newPassword' are required.";
        String token = JsonBodies.string(body, "token", required);
        String next = JsonBodies.string(body, "newPassword", required);
        User u = auth.resetPassword(token, next, clientIp.of(req));
        emails.passwordChanged(u, apiTokens.list(u.id()));
        ok(res, 200, null);
    }

    private void verifyRequest(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        if (!who.authenticated() && req.getContentLength() != 0 && req.getContentType() != null) {
            // Without a session (an account that must verify before it may sign in): by address,
            // answered alike whether or not such an unverified account exists.
            refuseCsrf(who);
            String email = JsonBodies.string(body(req), "email", "Sign in, or give the account's 'email'.");
            emails.requireLinks();
            auth.requestEmailVerificationByEmail(email, clientIp.of(req)).ifPresent(t -> emails.verifyLink(t.user(), t.rawToken()));
            ok(res, 202, null);
            return;
        }
        Caller c = sessionCaller(who);
        emails.requireLinks();
        String raw = auth.requestEmailVerification(c.userId());
        emails.verifyLink(c.user(), raw);
        ok(res, 202, null);
    }

    private void verify(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonObject body = body(req);
        User u = auth.confirmEmail(JsonBodies.string(body, "token", "'token' is required."), clientIp.of(req));
        ok(res, 200, JsonIo.object().add("user", Views.user(u)));
    }

    private void listTokens(HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        JsonArrayBuilder list = JsonIo.array();
        apiTokens.list(c.userId()).forEach(t -> list.add(token(t)));
        JsonIo.write(res, 200, JsonIo.object().add("tokens", list).build());
    }

    private void createToken(HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        JsonObject body = body(req);
        String name = JsonBodies.string(body, "name", "'name' and 'scopes' are required.");
        JsonValue scopesValue = body.get("scopes");
        if (scopesValue == null || scopesValue.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiError.badRequest("'scopes' must be a list of strings.");
        }
        List<String> scopes = new ArrayList<>();
        for (JsonValue v : scopesValue.asJsonArray()) {
            if (!(v instanceof JsonString s)) {
                throw ApiError.badRequest("'scopes' must be a list of strings.");
            }
            scopes.add(s.getString());
        }
        Integer days = null;
        JsonValue d = body.get("expiresInDays");
        if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
            if (!(d instanceof jakarta.json.JsonNumber n) || !n.isIntegral()) {
                throw ApiError.badRequest("'expiresInDays' must be a whole number.");
            }
            try {
                days = n.intValueExact();
            } catch (ArithmeticException e) {
                throw ApiError.badRequest("'expiresInDays' is out of range.");
            }
        }
        NewApiToken t = apiTokens.create(c.userId(), name, scopes, days);
        ok(res, 201, JsonIo.object().add("token", t.raw()).add("apiToken", token(t.token())));
    }

    private void revokeToken(String id, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        Caller c = sessionCaller(who);
        ok(res, 200, JsonIo.object().add("revoked", apiTokens.revoke(c.userId(), id)));
    }

    // ---- helpers -------------------------------------------------------------------------

    private static JsonObject token(ApiToken t) {
        JsonArrayBuilder scopes = JsonIo.array();
        t.scopes().forEach(scopes::add);
        JsonObjectBuilder o = JsonIo.object().add("id", t.id()).add("name", t.name())
                .add("scopes", scopes).add("createdAt", t.createdAt().toString());
        Views.nullable(o, "expiresAt", t.expiresAt());
        Views.nullable(o, "lastUsedAt", t.lastUsedAt());
        return o.build();
    }

    /** The caller of a "session" row: 401 when anonymous, 403 for an API token or a cross-site request. */
    private static Caller sessionCaller(Resolution who) {
        refuseCsrf(who);
        if (!who.authenticated()) {
            throw new ApiError(401, "auth_required", "Sign in to do that.");
        }
        if (!who.caller().isSession()) {
            AccessDeniedException e = AccessDeniedException.sessionRequired();
            throw new ApiError(e.status(), e.code().wire(), e.getMessage());
        }
        return who.caller();
    }

    private static void refuseCsrf(Resolution who) {
        if (who.csrfBlocked()) {
            throw new ApiError(403, "csrf", "Cross-site request refused.");
        }
    }

    private JsonObject body(HttpServletRequest req) throws IOException {
        return JsonBodies.readObject(req, settings.maxRequestBytes());
    }

    private static String userAgent(HttpServletRequest req) {
        return req.getHeader("User-Agent");
    }

    private static void ok(HttpServletResponse res, int status, JsonObjectBuilder extra) throws IOException {
        JsonObjectBuilder b = JsonIo.object().add("ok", true);
        if (extra != null) {
            b.addAll(extra);
        }
        JsonIo.write(res, status, b.build());
    }
}
