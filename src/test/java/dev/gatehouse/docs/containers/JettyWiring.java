package dev.gatehouse.docs.containers;

import dev.gatehouse.web.GatehouseInitializer;
import dev.gatehouse.web.jaxrs.GatehouseFeature;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;

/** Embedded Jetty 12 with Weld, Gatehouse's authenticator, a constrained servlet and Jersey. */
final class JettyWiring {

    private JettyWiring() {
    }

    static ServletContextHandler context() {
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY);
        ctx.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
        ctx.addEventListener(new DecoratingListener(ctx, "org.eclipse.jetty.cdi.decorator"));
        ctx.addServletContainerInitializer(new EnhancedListener());
        ctx.addServletContainerInitializer(new GatehouseInitializer());
        GatehouseJettyAuthenticator.install(ctx);
        ServletHolder admin = ctx.addServlet(AdminServlet.class, "/admin");
        ConstraintSecurityHandler.createConstraintsWithMappingsForPath(admin.getName(), "/admin",
                new ServletSecurityElement(AdminServlet.class.getAnnotation(ServletSecurity.class)))
            .forEach(((ConstraintSecurityHandler) ctx.getSecurityHandler())::addConstraintMapping);
        ResourceConfig rest = new ResourceConfig(ProjectsResource.class).register(GatehouseFeature.class);
        ctx.addServlet(new ServletHolder(new ServletContainer(rest)), "/api/*");
        return ctx;
    }
}
