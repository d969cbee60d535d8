package dev.gatehouse.internal.cdi;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.role.RequiresPermission;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Method;

/** Enforces {@link RequiresPermission}: 401 when anonymous, 403 without the permission (or token scope). */
@Interceptor
@RequiresPermission("")
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 110)
public class RequiresPermissionInterceptor {

    private final CurrentCaller current;

    @Inject
    public RequiresPermissionInterceptor(CurrentCaller current) {
        this.current = current;
    }

    @AroundInvoke
    public Object check(InvocationContext ic) throws Exception {
        String permission = permission(ic);
        Caller caller = current.get().orElseThrow(AccessDeniedException::authRequired);
        if (!caller.hasPermission(permission)) {
            throw AccessDeniedException.forbidden(permission);
        }
        return ic.proceed();
    }

    private static String permission(InvocationContext ic) {
        Method m = ic.getMethod();
        RequiresPermission a = m.getAnnotation(RequiresPermission.class);
        if (a == null && ic.getTarget() != null) {
            for (Class<?> c = ic.getTarget().getClass(); c != null && a == null; c = c.getSuperclass()) {
                a = c.getAnnotation(RequiresPermission.class);
            }
        }
        if (a == null) {
            a = m.getDeclaringClass().getAnnotation(RequiresPermission.class);
        }
        if (a == null || a.value().isBlank()) {
            throw new IllegalStateException("@RequiresPermission on " + m + " names no permission");
        }
        return a.value();
    }
}
