package dev.gatehouse.web.jaxrs;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.GatehouseFilter;
import dev.gatehouse.web.TestServer;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Embedded Jetty 12 + Weld + Jersey 3.1 (with its CDI integration) + Gatehouse on a random loopback
 * port, the resources of {@link JaxRsTestApp} under {@code /api}. In authenticator mode Jersey finds
 * {@link GatehouseFeature} (a {@code @Provider}) and the resources by scanning, as WildFly and Payara
 * do; in filter mode everything is registered by hand.
 */
public final class JaxRsTestServer {

    public enum Mode { AUTHENTICATOR, FILTER }

    private JaxRsTestServer() {
    }

    /** Test settings on a fresh in-memory H2 database. */
    public static AuthSettings.Builder settings() {
        return TestServer.settings();
    }

    public static TestServer start(Mode mode, AuthSettings settings) throws Exception {
        TestBeans.settings = settings;
        return TestServer.jetty(ctx -> {
            ResourceConfig app = new ResourceConfig();
            if (mode == Mode.AUTHENTICATOR) {
                GatehouseJettyAuthenticator.install(ctx);
                app.packages(GatehouseFeature.class.getPackageName());
            } else {
                ctx.setInitParameter(GatehouseFilter.MODE, "filter");
                app.register(GatehouseFeature.class);
                JaxRsTestApp.RESOURCES.forEach(app::register);
            }
            ServletHolder jersey = new ServletHolder("jersey", new ServletContainer(app));
            jersey.setInitOrder(1); // a broken model fails the start, not the first request
            ctx.addServlet(jersey, "/api/*");
        });
    }
}
