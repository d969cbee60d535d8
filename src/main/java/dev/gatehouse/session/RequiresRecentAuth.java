package dev.gatehouse.session;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.ErrorCode;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a CDI bean method (or every method of a class) that does something sensitive: the caller must
 * be a browser session whose user signed in or re-authenticated within {@code reauthWindowSeconds}.
 * Otherwise {@link AccessDeniedException}: 401 when anonymous; 403 {@link ErrorCode#PERMISSION_DENIED}
 * for an API token (whatever its scopes: a token can never satisfy it) or a caller propagated outside an
 * HTTP request; 403 {@link ErrorCode#REAUTH_REQUIRED}, naming in {@link AccessDeniedException#methods()}
 * the factors the user can re-authenticate with, for a session that is not recent. Answer that by
 * sending the user to re-authenticate ({@code POST /auth/reauth}) and trying again.
 *
 * <p>It implies {@link RequiresSession}. It is checked after {@code @RolesAllowed}, {@code @PermitAll}
 * and {@code @DenyAll} and before {@code @RequiresPermission}; {@code @PermitAll} lifts role rules
 * only, never this one. The Jakarta REST integration enforces it on resource methods the same way,
 * with the same JSON answer ({@code {"code":"reauth_required","methods":[...]}}).
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresRecentAuth {
}
