package dev.gatehouse.internal.web;

import dev.gatehouse.AccessDeniedException;

/**
 * What an exception escaping the application says about access: Gatehouse's own
 * {@link AccessDeniedException}, or the EJB container's refusal ({@code jakarta.ejb.EJBAccessException},
 * found by name so Gatehouse needs no EJB API at run time), anywhere in the cause chain. The
 * container's refusal becomes 401 for an anonymous caller and 403 otherwise, never a 500.
 */
public final class Denials {

    static final String EJB_ACCESS = "jakarta.ejb.EJBAccessException";

    private Denials() {
    }

    /** The refusal {@code e} stands for, or null when it is not a refusal. */
    public static AccessDeniedException find(Throwable e, boolean authenticated) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessDeniedException denied) {
                return denied;
            }
            if (isEjbAccess(t.getClass())) {
                return authenticated ? AccessDeniedException.forbidden(null) : AccessDeniedException.authRequired();
            }
        }
        return null;
    }

    private static boolean isEjbAccess(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(EJB_ACCESS)) {
                return true;
            }
        }
        return false;
    }
}
