package dev.gatehouse.internal.cdi;

import dev.gatehouse.internal.web.GatehouseSecurityContext;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.util.Nonbinding;

/**
 * Makes {@code @RolesAllowed} and {@code @DenyAll} interceptor bindings, so Gatehouse's
 * interceptors enforce them on plain CDI beans (no runtime does this by itself), and removes
 * Gatehouse's own {@code SecurityContext} where the runtime ships Jakarta Security (Soteria).
 */
public class GatehouseSecurityExtension implements Extension {

    static final String SOTERIA_CONTEXT = "org.glassfish.soteria.SecurityContextImpl";

    void bindings(@Observes BeforeBeanDiscovery bbd) {
        bbd.configureInterceptorBinding(RolesAllowed.class).methods().forEach(m -> m.add(Nonbinding.Literal.INSTANCE));
        bbd.addInterceptorBinding(DenyAll.class);
    }

    void vetoOwnSecurityContext(@Observes ProcessAnnotatedType<GatehouseSecurityContext> pat) {
        if (runtimeHasJakartaSecurity()) {
            pat.veto();
        }
    }

    static boolean runtimeHasJakartaSecurity() {
        for (ClassLoader cl : new ClassLoader[] {Thread.currentThread().getContextClassLoader(),
                GatehouseSecurityExtension.class.getClassLoader()}) {
            try {
                if (cl != null) {
                    Class.forName(SOTERIA_CONTEXT, false, cl);
                    return true;
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // keep looking
            }
        }
        return false;
    }
}
