package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Resolves the caller of a request once (the result is kept as a request attribute): the session
 * cookie first, then {@code Authorization: Bearer} with an API token. A state-changing request
 * from another origin's page is marked {@link Resolution#csrfBlocked()} and its cookie is not even
 * looked at. With {@code requireEmailVerified}, a session or token of an account whose email is not
 * verified does not authenticate. When the session's sliding expiry moved, the cookie is sent again
 * on the response (with {@code Cache-Control: no-store}).
 */
@ApplicationScoped
public class CallerResolver {

    /** Request attribute holding the {@link Resolution}. */
    public static final String ATTRIBUTE = "dev.gatehouse.resolution";
    /** Request attribute holding the {@link Caller} (also read by applications through {@code Guards}). */
    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private AuthSettings settings;
    private SessionService sessions;
    private ApiTokenService apiTokens;
    private AuthService auth;
    private RoleService roles;
    private Csrf csrf;
    private ClientIp clientIp;

    protected CallerResolver() {
    }

    @Inject
    public CallerResolver(AuthSettings settings, SessionService sessions, ApiTokenService apiTokens, AuthService auth,
                          RoleService roles) {
        this.settings = settings;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.auth = auth;
        this.roles = roles;
        this.csrf = new Csrf(settings.http().trustedOrigins(), settings.links().publicBaseUrl());
        this.clientIp = new ClientIp(settings.http().trustedProxies());
    }

    public AuthSettings settings() {
        return settings;
    }

    /** @param response where to re-send a renewed cookie; null when the response cannot be written */
    public Resolution resolve(HttpServletRequest request, HttpServletResponse response) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Resolution r) {
            return r;
        }
        request.setAttribute(ClientAddress.ATTRIBUTE, clientIp.of(request));
        Resolution r = compute(request, response);
        remember(request, r);
        return r;
    }

    /** Replaces the request's resolution (after sign-in or sign-out within the same request). */
    public static void remember(HttpServletRequest request, Resolution r) {
        request.setAttribute(ATTRIBUTE, r);
        if (r.caller() != null) {
            request.setAttribute(CALLER_ATTRIBUTE, r.caller());
        } else {
            request.removeAttribute(CALLER_ATTRIBUTE);
        }
    }

    private Resolution compute(HttpServletRequest request, HttpServletResponse response) {
        boolean crossOrigin = csrf.refuses(request);
        String cookie = crossOrigin ? null : cookieValue(request); // a cross-origin page must not act as the user
        if (cookie != null) {
            Optional<ResolvedSession> s = sessions.resolve(cookie, true).filter(r -> admissible(r.user()));
            if (s.isPresent()) {
                ResolvedSession session = s.get();
                if (session.renewed() && response != null && !response.isCommitted()) {
                    response.addHeader("Set-Cookie", sessions.cookie(cookie, session.expiresAt()).toSetCookieHeader());
                    response.setHeader("Cache-Control", "no-store");
                }
                User user = session.user();
                return new Resolution(Caller.of(user, roles.grantedRoles(user.id()), null, session.sessionId()),
                        cookie, false, false);
            }
        }
        String bearer = BearerToken.parse(request.getHeader("Authorization"));
        if (bearer != null) {
            Optional<ApiToken> token = apiTokens.resolve(bearer, null);
            Optional<User> owner = token.flatMap(t -> auth.findUser(t.userId())).filter(this::admissible);
            if (owner.isPresent()) {
                return new Resolution(Caller.of(owner.get(), roles.grantedRoles(owner.get().id()), token.get(), null),
                        null, false, crossOrigin);
            }
            return new Resolution(null, null, true, crossOrigin);
        }
        return new Resolution(null, null, false, crossOrigin);
    }

    /** With {@code requireEmailVerified}, only accounts without an email or with a verified one may act. */
    private boolean admissible(User user) {
        return !settings.accounts().requireEmailVerified() || user.email() == null || user.emailVerified();
    }

    /** The session cookie's value, or null. */
    public String cookieValue(HttpServletRequest request) {
        return cookieValue(request, settings.sessions().effectiveCookieName());
    }

    /** The value of the device cookie ({@link dev.gatehouse.config.AuthSettings#deviceCookieName()}), or null. */
    public String deviceCookieValue(HttpServletRequest request) {
        return cookieValue(request, settings.sessions().deviceCookieName());
    }

    private static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && c.getValue() != null && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }
}
