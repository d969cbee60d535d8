package dev.gatehouse.internal.cdi;

import dev.gatehouse.session.RequiresSession;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link RequiresSession}: 401 when anonymous, 403 for any caller but a browser session. */
@Interceptor
@RequiresSession
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 105)
public class RequiresSessionInterceptor {

    private final CurrentCaller current;

    @Inject
    public RequiresSessionInterceptor(CurrentCaller current) {
        this.current = current;
    }

    @AroundInvoke
    public Object check(InvocationContext ic) throws Exception {
        // Bound means required (a stereotype may carry the binding): no need to find the annotation.
        AccessRules.SESSION.checkSession(current::get);
        return ic.proceed();
    }
}
