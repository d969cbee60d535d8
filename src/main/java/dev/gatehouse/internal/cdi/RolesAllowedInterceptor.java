package dev.gatehouse.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@code @RolesAllowed} on CDI beans (made an interceptor binding by {@link GatehouseSecurityExtension}). */
@Interceptor
@RolesAllowed({})
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class RolesAllowedInterceptor {

    private final CurrentCaller current;

    @Inject
    public RolesAllowedInterceptor(CurrentCaller current) {
        this.current = current;
    }

    @AroundInvoke
    public Object check(InvocationContext ic) throws Exception {
        if (EnterpriseBeans.securedByContainer(ic.getTarget())) {
            return ic.proceed(); // the EJB container enforced the rule, honouring @RunAs
        }
        AccessRules.cached(ic.getMethod(), targetClass(ic)).checkRoles(current::get);
        return ic.proceed();
    }

    static Class<?> targetClass(InvocationContext ic) {
        return ic.getTarget() == null ? ic.getMethod().getDeclaringClass() : ic.getTarget().getClass();
    }
}
