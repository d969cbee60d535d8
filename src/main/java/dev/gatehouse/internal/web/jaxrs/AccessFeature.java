package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.internal.cdi.AccessRules;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import java.lang.reflect.Method;

/**
 * Gives every resource method whose annotations restrict it an {@link AccessFilter} with its rule,
 * read once at deployment (a {@code @RequiresPermission} naming no permission fails the deployment).
 */
public final class AccessFeature implements DynamicFeature {

    /**
     * Just before {@code Priorities.AUTHORIZATION}: ahead of a runtime's own role filter (such as
     * Jersey's {@code RolesAllowedDynamicFeature}, where a runtime or the application enables it), so
     * a refusal is always Gatehouse's, with its JSON body and headers.
     */
    static final int PRIORITY = Priorities.AUTHORIZATION - 100;


    private final Callers callers = new Callers();

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Class<?> type = resource.getResourceClass();
        Method method = resource.getResourceMethod();
        if (type == null || method == null) {
            return;
        }
        AccessRules rules = AccessRules.of(implementation(type, method), type);
        if (!rules.isOpen()) {
            context.register(new AccessFilter(rules, callers), PRIORITY);
        }
    }

    /**
     * The class's own method when the runtime hands over an interface's (annotations are not inherited
     * from it); any other method as it is, so a subclass (a proxy) cannot hide the method's annotations.
     */
    private static Method implementation(Class<?> type, Method method) {
        if (!method.getDeclaringClass().isInterface()) {
            return method;
        }
        try {
            return type.getMethod(method.getName(), method.getParameterTypes());
        } catch (NoSuchMethodException | SecurityException e) {
            return method;
        }
    }
}
