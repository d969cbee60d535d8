package dev.gatehouse.internal.web.api;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.ClientIp;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.internal.web.UrlRules;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * The JSON API under {@link AuthSettings#authPathPrefix()}: every account flow of the issue's
 * table ({@link ApiRoutes}), with the documented status codes. Served by {@code GatehouseFilter};
 * a path it does not know falls through to the application.
 */
@ApplicationScoped
public class AuthApi {

    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    private AuthSettings settings;
    private ClientIp clientIp;
    private RouteTable routes;

    protected AuthApi() {
    }

    @Inject
    public AuthApi(AuthSettings settings, AuthService auth, SessionService sessions, ApiTokenService apiTokens,
                   CallerResolver resolver, AccountEmails emails, Event<AccountCreated> created) {
        this.settings = settings;
        this.clientIp = new ClientIp(settings.trustedProxies());
        this.routes = ApiRoutes.of(settings,
                new AccountHandlers(settings, auth, sessions, apiTokens, resolver, emails, created),
                new SessionHandlers(sessions), new TokenHandlers(apiTokens), new LinkHandlers(auth, apiTokens, emails));
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
        return routes.dispatch(route, new ApiCall(req, res, who, null, settings.maxRequestBytes(), clientIp));
    }
}
