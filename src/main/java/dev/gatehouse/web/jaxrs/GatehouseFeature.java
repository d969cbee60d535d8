package dev.gatehouse.web.jaxrs;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.web.jaxrs.AccessFeature;
import dev.gatehouse.internal.web.jaxrs.AuthExceptionMapper;
import dev.gatehouse.internal.web.jaxrs.CallerFilter;
import dev.gatehouse.internal.web.jaxrs.EjbAccessMapper;
import dev.gatehouse.internal.web.jaxrs.EjbExceptionMapper;
import dev.gatehouse.internal.web.jaxrs.UnavailableMapper;
import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.RequiresSession;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gatehouse for Jakarta REST resources. Registers, once per application:
 * <ul>
 * <li>a request filter (priority {@code AUTHENTICATION}) that makes {@code @Context SecurityContext}
 * answer from the Gatehouse caller of the request: {@code getUserPrincipal()} is the user id,
 * {@code isUserInRole} the caller's effective roles (for an API token, narrowed by its scopes),
 * {@code getAuthenticationScheme()} {@value #SESSION_AUTH} or {@value #BEARER_AUTH} (null when
 * anonymous);</li>
 * <li>a request filter (priority just before {@code AUTHORIZATION}, ahead of a runtime's own role filter) on every resource method that carries
 * {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}, {@link RequiresPermission},
 * {@link RequiresSession} or {@link RequiresRecentAuth} (on the method or its class; the method's role
 * annotation overrides the class's), deciding exactly as Gatehouse's CDI interceptors do: 401 when
 * anonymous, 403 otherwise ({@code reauth_required} for a session that must re-authenticate first);</li>
 * <li>exception mappers answering in Gatehouse's JSON error shape
 * {@code {"ok":false,"error":message,"code":code}} (plus {@code "methods"} for {@code reauth_required}:
 * the factors the user can re-authenticate with) with {@code Cache-Control: no-store}:
 * {@link AccessDeniedException} 401 (with {@code WWW-Authenticate}) or 403, every other
 * {@link AuthException} its code's status, {@link GatehouseUnavailableException} 503 with
 * {@code Retry-After}, and, when the EJB API is present, {@code jakarta.ejb.EJBAccessException}
 * 403 (401 when anonymous) and an {@code EJBException} as the Gatehouse exception it wraps (else
 * 500 {@code internal_error}, logged).</li>
 * </ul>
 *
 * <p>The feature is a {@code @Provider}: runtimes that scan the application's libraries (RESTEasy in
 * WildFly, Jersey in Payara or GlassFish, when the {@code Application} declares no classes) find it
 * by themselves. Elsewhere, register it: {@code resourceConfig.register(GatehouseFeature.class)},
 * or return it from {@code Application.getClasses()}. Its filters and mappers are not providers of
 * their own, so nothing is registered twice; registering the feature twice is harmless too.
 *
 * <p>The caller is the one Gatehouse's servlet filter (or its authentication mechanism) resolved for
 * the request, so CDI must be running; nothing here reads a credential itself.
 */
@Provider
public final class GatehouseFeature implements Feature {

    /** {@code getAuthenticationScheme()} of a caller signed in with a browser session cookie. */
    public static final String SESSION_AUTH = "SESSION";
    /** {@code getAuthenticationScheme()} of a caller authenticated by an API token ({@code Authorization: Bearer}). */
    public static final String BEARER_AUTH = "BEARER";

    static final String EJB_ACCESS_EXCEPTION = "jakarta.ejb.EJBAccessException";

    /** Registers the filters and mappers; false (nothing done) when they are registered already. */
    @Override
    public boolean configure(FeatureContext context) {
        if (context.getConfiguration().isRegistered(AccessFeature.class)) {
            return false;
        }
        context.register(CallerFilter.class);
        context.register(AccessFeature.class);
        context.register(AuthExceptionMapper.class);
        context.register(UnavailableMapper.class);
        if (present(EJB_ACCESS_EXCEPTION)) {
            context.register(EjbAccessMapper.class);
            context.register(EjbExceptionMapper.class);
        }
        return true;
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, GatehouseFeature.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
