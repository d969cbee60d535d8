package dev.gatehouse.internal.cdi;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.internal.session.RecentAuth;
import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.RequiresSession;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The access rule of one method, read from its annotations and its class's, and its four checks in
 * the order the CDI interceptors run them: {@code @RolesAllowed}/{@code @PermitAll}/{@code @DenyAll}
 * as Jakarta Annotations define them (a method-level annotation overrides the class-level one),
 * then {@link RequiresSession}, then {@link RequiresRecentAuth} ({@link RecentAuth}'s rule), then
 * {@link RequiresPermission}. Anonymous callers get 401, others missing a role, a session or a
 * permission 403, a session whose authentication is not recent 403 {@code reauth_required};
 * {@code @DenyAll} refuses everyone (403, or 401 when anonymous). The interceptors and the JAX-RS
 * filter both decide here, so they cannot disagree.
 *
 * @param roleSource the method or class carrying the role rule, or null for none
 * @param session    a browser session is required
 * @param recentAuth a browser session whose user signed in or re-authenticated recently is required
 * @param permission the permission required, or null
 */
public record AccessRules(AnnotatedElement roleSource, boolean session, boolean recentAuth, String permission) {

    /** The rules of each (class, method) pair met so far: read once, not on every intercepted call. */
    private static final ClassValue<java.util.Map<Method, AccessRules>> BY_CLASS = new ClassValue<>() {
        @Override
        protected java.util.Map<Method, AccessRules> computeValue(Class<?> type) {
            return new java.util.concurrent.ConcurrentHashMap<>();
        }
    };

    /** Only a browser session, whatever the annotations say (for the interceptor, which binding means required). */
    static final AccessRules SESSION = new AccessRules(null, true, false, null);

    /** Only a recently authenticated session, whatever the annotations say (for its interceptor). */
    static final AccessRules RECENT_AUTH = new AccessRules(null, false, true, null);

    /**
     * @param targetClass the class of the instance (a subclass or proxy of the method's class), or the method's class
     * @throws IllegalStateException a {@code @RequiresPermission} naming no permission
     */
    public static AccessRules of(Method m, Class<?> targetClass) {
        Class<?> declaring = m.getDeclaringClass();
        AnnotatedElement roles = hasRoleRule(m) ? m : ruleClass(targetClass, declaring);
        return new AccessRules(roles, annotation(m, targetClass, RequiresSession.class) != null,
                annotation(m, targetClass, RequiresRecentAuth.class) != null, permission(m, targetClass));
    }

    /** As {@link #of}, remembered per target class and method (annotations do not change at run time). */
    public static AccessRules cached(Method m, Class<?> targetClass) {
        return BY_CLASS.get(targetClass).computeIfAbsent(m, method -> of(method, targetClass));
    }

    /** True when no annotation restricts the method. */
    public boolean isOpen() {
        return (roleSource == null || roleSource.isAnnotationPresent(PermitAll.class)) && !session && !recentAuth
                && permission == null;
    }

    /** All four checks, in the interceptors' order. @throws AccessDeniedException 401 or 403 */
    public void check(Supplier<Optional<Caller>> caller) {
        checkRoles(caller);
        checkSession(caller);
        checkRecentAuth(caller);
        checkPermission(caller);
    }

    /** @throws AccessDeniedException the role rule refuses the caller */
    public void checkRoles(Supplier<Optional<Caller>> current) {
        if (roleSource == null || roleSource.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        Caller caller = current.get().orElseThrow(AccessDeniedException::authRequired);
        if (roleSource.isAnnotationPresent(DenyAll.class)) {
            throw AccessDeniedException.forbidden(null);
        }
        RolesAllowed allowed = roleSource.getAnnotation(RolesAllowed.class);
        for (String role : allowed.value()) {
            if (caller.isInRole(role)) {
                return;
            }
        }
        throw AccessDeniedException.forbidden(String.join("|", allowed.value()));
    }

    /** @throws AccessDeniedException a session is required and the caller is anonymous or not a session */
    public void checkSession(Supplier<Optional<Caller>> current) {
        if (session && !current.get().orElseThrow(AccessDeniedException::authRequired).isSession()) {
            throw AccessDeniedException.sessionRequired();
        }
    }

    /**
     * @throws AccessDeniedException recent authentication is required and the caller is anonymous (401), not a
     *                               session (403 {@code permission_denied}) or a session that is not recent (403
     *                               {@code reauth_required} with the user's methods)
     */
    public void checkRecentAuth(Supplier<Optional<Caller>> current) {
        if (recentAuth) {
            RecentAuth.require(current.get().orElse(null));
        }
    }

    /** @throws AccessDeniedException a permission is required and the caller is anonymous or lacks it */
    public void checkPermission(Supplier<Optional<Caller>> current) {
        if (permission != null && !current.get().orElseThrow(AccessDeniedException::authRequired).hasPermission(permission)) {
            throw AccessDeniedException.forbidden(permission);
        }
    }

    private static String permission(Method m, Class<?> targetClass) {
        RequiresPermission a = annotation(m, targetClass, RequiresPermission.class);
        if (a != null && a.value().isBlank()) {
            throw new IllegalStateException("@RequiresPermission on " + m + " names no permission");
        }
        return a == null ? null : a.value();
    }

    /** On the method, else on the target class or a superclass, else on the declaring class. */
    private static <A extends java.lang.annotation.Annotation> A annotation(Method m, Class<?> targetClass, Class<A> type) {
        A a = m.getAnnotation(type);
        for (Class<?> c = targetClass; c != null && a == null; c = c.getSuperclass()) {
            a = c.getAnnotation(type);
        }
        return a != null ? a : m.getDeclaringClass().getAnnotation(type);
    }

    private static boolean hasRoleRule(AnnotatedElement e) {
        return e.isAnnotationPresent(RolesAllowed.class) || e.isAnnotationPresent(PermitAll.class)
                || e.isAnnotationPresent(DenyAll.class);
    }

    /** The class carrying the rule: the bean class (or a proxy's superclass chain), else the declaring class. */
    private static Class<?> ruleClass(Class<?> targetClass, Class<?> declaring) {
        for (Class<?> c = targetClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (hasRoleRule(c)) {
                return c;
            }
        }
        return hasRoleRule(declaring) ? declaring : null;
    }
}
