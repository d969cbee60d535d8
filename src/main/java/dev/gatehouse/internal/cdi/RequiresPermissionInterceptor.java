package dev.gatehouse.internal.cdi;

import dev.gatehouse.role.RequiresPermission;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

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
        AccessRules rules = AccessRules.cached(ic.getMethod(), RolesAllowedInterceptor.targetClass(ic));
        if (rules.permission() == null) {
            throw new IllegalStateException("@RequiresPermission on " + ic.getMethod() + " names no permission");
        }
        rules.checkPermission(current::get);
        return ic.proceed();
    }
}
