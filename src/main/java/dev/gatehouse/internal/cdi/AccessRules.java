package dev.gatehouse.internal.cdi;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} as Jakarta Annotations define
 * them: a method-level annotation overrides the class-level one. Anonymous callers get 401,
 * callers without a listed role 403; {@code @DenyAll} refuses everyone (403, or 401 when anonymous).
 */
final class AccessRules {

    private AccessRules() {
    }

    static Object enforce(InvocationContext ic, CurrentCaller current) throws Exception {
        Method m = ic.getMethod();
        Class<?> type = m.getDeclaringClass();
        Object target = ic.getTarget();
        Class<?> targetClass = target == null ? type : target.getClass();
        AnnotatedElement source = hasRule(m) ? m : ruleClass(targetClass, type);
        if (source == null || source.isAnnotationPresent(PermitAll.class)) {
            return ic.proceed();
        }
        Optional<Caller> caller = current.get();
        if (caller.isEmpty()) {
            throw AccessDeniedException.authRequired();
        }
        if (source.isAnnotationPresent(DenyAll.class)) {
            throw AccessDeniedException.forbidden(null);
        }
        RolesAllowed allowed = source.getAnnotation(RolesAllowed.class);
        for (String role : allowed.value()) {
            if (caller.get().isInRole(role)) {
                return ic.proceed();
            }
        }
        throw AccessDeniedException.forbidden(String.join("|", allowed.value()));
    }

    private static boolean hasRule(AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class) || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(DenyAll.class);
    }

    /** The class carrying the rule: the bean class (or a proxy's superclass chain), else the declaring class. */
    private static Class<?> ruleClass(Class<?> targetClass, Class<?> declaring) {
        for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (hasRule(c)) {
                return c;
            }
        }
        return hasRule(declaring) ? declaring : null;
    }
}
