package dev.gatehouse.session;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.role.RequiresPermission;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a CDI bean method (or every method of a class): the caller must be signed in with a
 * browser session (else {@link AccessDeniedException}: 401 when anonymous, 403 for an API token or
 * a caller propagated outside an HTTP request). Put it on everything that manages the account.
 * Combine with {@link RequiresPermission} or {@code @RolesAllowed} for what the session may do.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresSession {
}
