package dev.gatehouse.internal.web.api;

import dev.gatehouse.AuthException;
import dev.gatehouse.Caller;
import dev.gatehouse.User;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.lang.System.Logger.Level;

/** The account rows: sign-up, sign-in, sign-out, {@code /me}, username availability, password change. */
final class AccountHandlers {

    /** The API's logger, as before the split: operators filter on it. */
    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    private final AuthSettings settings;
    private final AuthService auth;
    private final SessionService sessions;
    private final ApiTokenService apiTokens;
    private final CallerResolver resolver;
    private final AccountEmails emails;
    private final Event<AccountCreated> created;

    AccountHandlers(AuthSettings settings, AuthService auth, SessionService sessions, ApiTokenService apiTokens,
                    CallerResolver resolver, AccountEmails emails, Event<AccountCreated> created) {
        this.settings = settings;
        this.auth = auth;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.resolver = resolver;
        this.emails = emails;
        this.created = created;
    }

    void me(ApiCall c) throws IOException {
        User u = c.who().authenticated() ? c.who().caller().user() : null;
        JsonObjectBuilder answer = JsonIo.object().add("user", Views.user(u));
        if (c.who().restricted() != null) {
            answer.add("mfaEnrolmentRequired", true);
        }
        if (u != null && c.who().caller().authentication() != null) {
            var a = c.who().caller().authentication();
            JsonArrayBuilder factors = JsonIo.array();
            a.factors().forEach(f -> factors.add(f.wireName()));
            answer.add("authentication", JsonIo.object().add("at", a.at().toString()).add("factors", factors)
                    .add("recent", a.recent()));
        }
        JsonIo.write(c.res(), 200, answer.build());
    }

    void logout(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        HttpServletRequest req = c.req();
        String cookie = resolver.cookieValue(req);
        if (cookie != null) {
            sessions.signOut(cookie);
        }
        CallerResolver.remember(req, Resolution.ANONYMOUS);
        c.res().addHeader("Set-Cookie", sessions.deletionCookie().toSetCookieHeader());
        // Not "cookies": that would also drop the device cookie, which must outlive a sign-out to let
        // its owner past a credential-stuffing flood (OWASP device cookies); the session cookie is deleted above.
        c.res().setHeader("Clear-Site-Data", SessionService.CLEAR_SITE_DATA);
        Views.ok(c.res(), 200, null);
    }

    void login(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        String field = settings.accounts().identifier().wireName();
        JsonObject body = c.body();
        String required = "Both '" + field + "' and 'password' are required.";
        String id = JsonBodies.string(body, field, required);
        String password = JsonBodies.string(body, "password", required);
        SignInResult r = auth.signIn(id, password, c.ip(), c.userAgent(), resolver.deviceCookieValue(c.req()));
        if (r.mfaRequired()) {
            Refusals.json(c.res(), MfaHandlers.mfaRequired(r)); // no session until the second factor passes
            return;
        }
        String old = resolver.cookieValue(c.req());
        if (old != null) {
            sessions.signOut(old); // a new session on every sign-in; the old token ends (ASVS 7.2.4)
        }
        signedIn(c, r, 200);
    }

    void signup(ApiCall c) throws IOException {
        JsonObject body = c.body();
        boolean byUsername = settings.accounts().identifier() == Identifier.USERNAME;
        String id = byUsername ? "username" : "email";
        String required = "Both '" + id + "' and 'password' are required.";
        String name = JsonBodies.string(body, id, required);
        String password = JsonBodies.string(body, "password", required);
        String email = byUsername ? JsonBodies.optionalString(body, "email") : name;
        SignInResult r = auth.signUp(email, byUsername ? name : null, password, c.ip(), c.userAgent());
        try {
            created.fire(new AccountCreated(r.user()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an AccountCreated observer failed for user " + r.user().id() + ": " + e);
        }
        signedIn(c, r, 201);
    }

    private void signedIn(ApiCall c, SignInResult r, int status) throws IOException {
        if (!r.signedIn()) {
            // The email must be confirmed before the account may act: no session, a link instead.
            if (emails.linksEnabled()) {
                emails.sendEmailVerification(r.user(), auth.requestEmailVerification(r.user().id()));
            }
            Views.ok(c.res(), status, JsonIo.object().add("user", Views.user(r.user()))
                    .add("verificationRequired", true));
            return;
        }
        c.res().addHeader("Set-Cookie", r.cookie().toSetCookieHeader());
        r.deviceCookie().ifPresent(device -> c.res().addHeader("Set-Cookie", device.toSetCookieHeader()));
        JsonObjectBuilder answer = JsonIo.object().add("user", Views.user(r.user()));
        if (r.enrolmentRequired()) {
            answer.add("mfaEnrolmentRequired", true); // this session may only enrol a second factor
        }
        Views.ok(c.res(), status, answer);
    }

    void usernameAvailable(ApiCall c) throws IOException {
        HttpServletRequest req = c.req();
        String name = req.getParameter("u") != null ? req.getParameter("u")
                : req.getParameter("username") != null ? req.getParameter("username") : "";
        JsonObjectBuilder b = JsonIo.object();
        try {
            b.add("available", auth.usernameAvailable(name, c.ip()));
        } catch (RateLimitedException e) {
            throw e;
        } catch (AuthException e) {
            b.add("available", false).add("reason", e.getMessage());
        }
        JsonIo.write(c.res(), 200, b.build());
    }

    void changePassword(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        JsonObject body = c.body();
        String required = "Both 'currentPassword' and 'newPassword' are required.";
        String current = JsonBodies.string(body, "currentPassword", required);
        String next = JsonBodies.string(body, "newPassword", required);
        auth.changePassword(caller.userId(), caller.sessionId(), current, next);
        SessionCookie fresh = sessions.start(caller.userId(), c.ip(), c.userAgent());
        c.res().addHeader("Set-Cookie", fresh.toSetCookieHeader());
        Views.ok(c.res(), 200, null);
    }
}
