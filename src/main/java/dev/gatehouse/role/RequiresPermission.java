package dev.gatehouse.role;

import dev.gatehouse.AccessDeniedException;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a CDI bean method (or every method of a class): the caller must be signed in (else
 * {@link AccessDeniedException} with status 401) and hold the permission (else 403). For an
 * API-token caller the token's scopes must cover it too. A method-level annotation overrides the
 * class-level one.
 */
@Inherited
@Documented
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresPermission {
    @Nonbinding
    String value();
}
