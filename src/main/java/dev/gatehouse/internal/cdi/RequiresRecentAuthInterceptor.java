package dev.gatehouse.internal.cdi;

import dev.gatehouse.session.RequiresRecentAuth;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link RequiresRecentAuth}: 401 anonymous, 403 for any caller but a session, 403 reauth_required. */
@Interceptor
@RequiresRecentAuth
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 106)
public class RequiresRecentAuthInterceptor {

    private final CurrentCaller current;

    @Inject
    public RequiresRecentAuthInterceptor(CurrentCaller current) {
        this.current = current;
    }

    @AroundInvoke
    public Object check(InvocationContext ic) throws Exception {
        // Bound means required (a stereotype may carry the binding): no need to find the annotation.
        AccessRules.RECENT_AUTH.checkRecentAuth(current::get);
        return ic.proceed();
    }
}
