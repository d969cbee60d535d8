package dev.gatehouse.web.jetty;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.web.BridgeMessageContext;
import dev.gatehouse.internal.web.api.JsonIo;
import dev.gatehouse.web.GatehouseAuthenticationMechanism;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import javax.security.auth.Subject;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.ServletCoreRequest;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.EmptyLoginService;
import org.eclipse.jetty.security.ServerAuthException;
import org.eclipse.jetty.security.UserIdentity;
import org.eclipse.jetty.security.authentication.LoginAuthenticator;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Embedded Jetty 12 (ee10) authenticator that runs {@link GatehouseAuthenticationMechanism}, so
 * Jetty's own constraints ({@code @ServletSecurity}, {@code web.xml} security-constraints) see
 * Gatehouse callers. On constrained resources a missing or bad credential answers 401; elsewhere
 * Jetty authenticates lazily when the application asks ({@code getUserPrincipal()},
 * {@code isUserInRole()}), reusing what {@code GatehouseFilter} already resolved. The mechanism
 * is looked up in CDI, so Weld must be running in the context. When the database is unavailable a
 * constrained resource answers 503 with {@code Retry-After} and the API's JSON error shape.
 */
public class GatehouseJettyAuthenticator extends LoginAuthenticator {

    public static final String TYPE = "GATEHOUSE";

    /** Installs this authenticator (with the login service Jetty insists on) in a context created with SECURITY. */
    public static void install(ServletContextHandler context) {
        if (!(context.getSecurityHandler() instanceof ConstraintSecurityHandler security)) {
            throw new IllegalStateException("Create the ServletContextHandler with ServletContextHandler.SECURITY");
        }
        security.setAuthenticator(new GatehouseJettyAuthenticator());
        security.setLoginService(new EmptyLoginService());
    }

    @Override
    public String getAuthenticationType() {
        return TYPE;
    }

    @Override
    public AuthenticationState validateRequest(Request request, Response response, Callback callback)
            throws ServerAuthException {
        boolean mandatory = !(response instanceof AuthenticationState.Deferred.DeferredResponse);
        ServletContextRequest contextRequest = Request.asInContext(request, ServletContextRequest.class);
        HttpServletRequest httpRequest;
        HttpServletResponse httpResponse = null;
        if (contextRequest != null) {
            httpRequest = contextRequest.getServletApiRequest();
            httpResponse = mandatory ? contextRequest.getHttpServletResponse() : null;
        } else if (request instanceof ServletCoreRequest core) {
            httpRequest = core.getServletRequest();
        } else {
            throw new ServerAuthException("Gatehouse needs a servlet request (ee10 ServletContextHandler)");
        }
        BridgeMessageContext context = new BridgeMessageContext(httpRequest, httpResponse, mandatory);
        try {
            CDI.current().select(GatehouseAuthenticationMechanism.class).get()
                    .validateRequest(httpRequest, httpResponse, context);
        } catch (GatehouseUnavailableException e) {
            if (!mandatory) {
                throw e;
            }
            return unavailable(response, callback, e);
        }
        Principal principal = context.getCallerPrincipal();
        if (principal != null) {
            String[] roles = context.getGroups().toArray(String[]::new);
            UserIdentity identity = _identityService.newUserIdentity(new Subject(), principal, roles);
            return new UserAuthenticationSucceeded(TYPE, identity);
        }
        if (context.unauthorized() && mandatory) {
            return AuthenticationState.writeError(request, response, callback, HttpServletResponse.SC_UNAUTHORIZED);
        }
        return null;
    }

    /** 503 with {@code Retry-After} and the API's error shape, written through Jetty's core response. */
    private static AuthenticationState unavailable(Response response, Callback callback, GatehouseUnavailableException e) {
        byte[] body = JsonIo.errorBody(e.code().wire(), e.getMessage()).toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.write(true, ByteBuffer.wrap(body), callback);
        return AuthenticationState.SEND_FAILURE;
    }
}
