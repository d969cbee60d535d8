package dev.gatehouse.internal.cdi;

import java.lang.annotation.Annotation;
import java.util.Set;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells whether an invocation is one the EJB container already secures: a session bean's method,
 * called through a running EJB container. There the container enforces {@code @RolesAllowed},
 * {@code @PermitAll}, {@code @DenyAll} and {@code @RunAs} from the caller Gatehouse established,
 * and Gatehouse's interceptors step aside (checking again against the HTTP caller would break
 * {@code @RunAs}). Anywhere else, a class merely annotated {@code @Stateless} (a CDI bean on a
 * servlet container without EJB) is guarded by Gatehouse as before.
 */
final class EnterpriseBeans {

    private static final Set<String> SESSION_BEANS = Set.of("jakarta.ejb.Stateless", "jakarta.ejb.Stateful",
            "jakarta.ejb.Singleton");

    /** Whether a class is a session bean, read once per class (every guarded call asks). */
    private static final ClassValue<Boolean> SESSION_BEAN = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return isSessionBean(type);
        }
    };

    private EnterpriseBeans() {
    }

    /** True when {@code target} is a session bean and the current thread is inside an EJB invocation. */
    static boolean securedByContainer(Object target) {
        return target != null && SESSION_BEAN.get(target.getClass()) && insideEjbInvocation();
    }

    static boolean isSessionBean(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Annotation a : c.getDeclaredAnnotations()) {
                if (SESSION_BEANS.contains(a.annotationType().getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code java:comp/EJBContext} is bound exactly while an EJB container runs a bean's method. */
    private static boolean insideEjbInvocation() {
        try {
            return InitialContext.doLookup("java:comp/EJBContext") != null;
        } catch (NamingException | RuntimeException e) {
            return false;
        }
    }
}
