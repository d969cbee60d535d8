package dev.gatehouse.docs;

import dev.gatehouse.web.jaxrs.GatehouseFeature;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/** The snippets of docs/JAX-RS.md, section "Registering the feature": they must compile. */
final class JaxRsRegisteringTheFeature {

    private JaxRsRegisteringTheFeature() {
    }

    /** WildFly, Payara: an Application that lists nothing; the runtime scans, and finds the feature in the jar. */
    @ApplicationPath("/api")
    public static class ScannedApplication extends Application {
    }

    /** An Application that lists its classes: the runtime no longer scans, so list the feature too. */
    @ApplicationPath("/api")
    public static class ListedApplication extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return Set.of(GatehouseFeature.class, JaxRsGuardingResources.ProjectsResource.class);
        }
    }

    /** Jersey on embedded Jetty (or any Servlet container): register it on the ResourceConfig. */
    static ServletContainer jersey() {
        ResourceConfig config = new ResourceConfig()
                .register(GatehouseFeature.class)
                .register(JaxRsGuardingResources.ProjectsResource.class);
        return new ServletContainer(config); // e.g. ctx.addServlet(new ServletHolder(jersey()), "/api/*")
    }
}
