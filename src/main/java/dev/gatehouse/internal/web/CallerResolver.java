package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import dev.gatehouse.web.GatehouseCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The caller of a request, resolved once (kept as a request attribute) from the credential the
 * request carries. A state-changing request from another origin's page is marked
 * {@link Resolution#csrfBlocked()} and its cookie is not even looked at. Resolving writes nothing
 * to the response: re-sending a session cookie whose sliding expiry moved is {@link #renew}.
 */
@ApplicationScoped
public class CallerResolver {

    /** Request attribute holding the {@link Resolution}. */
    public static final String ATTRIBUTE = "dev.gatehouse.resolution";
    /** Request attribute holding the {@link Caller} (also read by applications through {@code Guards}). */
    public static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private AuthSettings settings;
    private CallerLookup lookup;
    private Csrf csrf;
    private ClientIp clientIp;

    protected CallerResolver() {
    }

    @Inject
    public CallerResolver(AuthSettings settings, SessionService sessions, ApiTokenService apiTokens, AuthService auth,
                          RoleService roles) {
        this.settings = settings;
        this.lookup = new CallerLookup(settings, sessions, apiTokens, auth, roles);
        this.csrf = new Csrf(settings.http().trustedOrigins(), settings.links().publicBaseUrl());
        this.clientIp = new ClientIp(settings.http().trustedProxies());
    }

    public AuthSettings settings() {
        return settings;
    }

    /** The caller of the request (resolved on the first call, then remembered); sets {@link ClientAddress#ATTRIBUTE}. */
    public Resolution resolve(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Resolution r) {
            return r;
        }
        request.setAttribute(ClientAddress.ATTRIBUTE, clientIp.of(request));
        boolean crossOrigin = csrf.refuses(request);
        Resolution r = lookup.resolve(credential(request, crossOrigin), true).crossOrigin(crossOrigin);
        remember(request, r);
        return r;
    }

    /**
     * Sends the session cookie again (with {@code Cache-Control: no-store}) when resolving the request
     * moved its sliding expiry; at most once per request, and never on a committed or missing response.
     */
    public void renew(HttpServletRequest request, HttpServletResponse response) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof Resolution r) || r.renewal() == null
                || response == null || response.isCommitted()) {
            return;
        }
        response.addHeader("Set-Cookie", r.renewal().toSetCookieHeader());
        response.setHeader("Cache-Control", "no-store");
        request.setAttribute(ATTRIBUTE, r.withoutRenewal());
    }

    /** The credentials of the request as values; a cross-origin page's cookie is left out. */
    private GatehouseCredential credential(HttpServletRequest request, boolean crossOrigin) {
        return new GatehouseCredential(crossOrigin ? null : cookieValue(request),
                BearerToken.parse(request.getHeader("Authorization")));
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

    /** The session cookie's value, or null. */
    public String cookieValue(HttpServletRequest request) {
        return cookieValue(request, settings.sessions().effectiveCookieName());
    }

    /** The value of the device cookie ({@link dev.gatehouse.config.SessionSettings#deviceCookieName()}), or null. */
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
