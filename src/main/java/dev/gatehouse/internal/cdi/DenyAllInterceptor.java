package dev.gatehouse.internal.cdi;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@code @DenyAll} on CDI beans (made an interceptor binding by {@link GatehouseSecurityExtension}). */
@Interceptor
@DenyAll
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class DenyAllInterceptor {

    private final CurrentCaller current;

    @Inject
    public DenyAllInterceptor(CurrentCaller current) {
        this.current = current;
    }

    @AroundInvoke
    public Object check(InvocationContext ic) throws Exception {
        if (EnterpriseBeans.securedByContainer(ic.getTarget())) {
            return ic.proceed(); // the EJB container enforced the rule, honouring @RunAs
        }
        AccessRules.cached(ic.getMethod(), RolesAllowedInterceptor.targetClass(ic)).checkRoles(current::get);
        return ic.proceed();
    }
}
