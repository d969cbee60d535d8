package dev.gatehouse.internal.web.api;

import dev.gatehouse.ErrorCode;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.HttpSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.ClientIp;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The JSON API under {@link HttpSettings#authPathPrefix()}: every account flow of the issue's
 * table ({@link ApiRoutes}), with the documented status codes. Served by {@code GatehouseFilter};
 * a path it does not know falls through to the application.
 */
@ApplicationScoped
public class AuthApi {

    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    private AuthSettings settings;
    private ClientIp clientIp;
    private RouteTable routes;
    private Metrics metrics;
    private AuditTrail trail;

    protected AuthApi() {
    }

    @Inject
    public AuthApi(AuthSettings settings, AuthService auth, SessionService sessions, ApiTokenService apiTokens,
                   CallerResolver resolver, AccountEmails emails, Event<AccountCreated> created, Metrics metrics,
                   MfaService mfa, AuditLog audit, AuditTrail trail, Gatehouse gatehouse) {
        this.settings = settings;
        this.trail = trail;
        this.metrics = metrics;
        this.clientIp = new ClientIp(settings.http().trustedProxies());
        DefaultAuthService own = ownAuth(gatehouse);
        this.routes = ApiRoutes.of(settings,
                new AccountHandlers(settings, auth, sessions, apiTokens, resolver, emails, created),
                new SessionHandlers(sessions), new TokenHandlers(apiTokens), new LinkHandlers(auth, apiTokens, emails),
                new MfaHandlers(own, mfa, sessions, resolver, settings.sessions().mfaCookieName()),
                new PasskeyHandlers(own, gatehouse.passkeys(), sessions, resolver, emails, created,
                        settings.sessions().mfaCookieName()),
                new OidcHandlers(settings, own, own.oidc(), sessions, resolver),
                new ActivityHandlers(audit), new OpenApiHandler(settings.http().authPathPrefix()));
    }

    /**
     * The facade's sign-in service itself: the injected {@link AuthService} is a CDI client proxy, which is
     * no {@link DefaultAuthService}.
     */
    private static DefaultAuthService ownAuth(Gatehouse gatehouse) {
        if (gatehouse.auth() instanceof DefaultAuthService own) {
            return own;
        }
        throw new IllegalStateException("Gatehouse.auth() is not Gatehouse's own AuthService");
    }

    /** True for paths under the API's prefix (answered in JSON, whatever happens). */
    public boolean owns(String path) {
        return path.startsWith(settings.http().authPathPrefix() + "/");
    }

    /** @return false when the path is not an API path (the request falls through) */
    public boolean handle(String path, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        String p = settings.http().authPathPrefix();
        if (!owns(path)) {
            return false;
        }
        String route = path.substring(p.length());
        try {
            return route(route, req, res, who);
        } catch (RuntimeException e) {
            Refusal refusal = ApiError.refusal(e, req.getMethod() + " " + route)
                    .challenging(who != null && who.rejectedBearer()); // every 401 names its scheme (RFC 9110)
            if (refusal.code() == ErrorCode.CSRF) {
                metrics.csrfRefused();
            }
            if (ApiError.audited(refusal)) {
                Refusals.audit(trail, req, refusal, route, who);
            }
            Refusals.json(res, refusal);
        }
        return true;
    }

    private boolean route(String route, HttpServletRequest req, HttpServletResponse res, Resolution who) throws IOException {
        return routes.dispatch(route, new ApiCall(req, res, who, null, settings.http().maxRequestBytes(), clientIp));
    }
}
