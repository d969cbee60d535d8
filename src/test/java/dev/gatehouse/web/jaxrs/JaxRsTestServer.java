package dev.gatehouse.web.jaxrs;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.GatehouseFilter;
import dev.gatehouse.web.GatehouseInitializer;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import java.net.URI;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Embedded Jetty 12 + Weld + Jersey 3.1 (with its CDI integration) + Gatehouse on a random loopback
 * port, the resources of {@link JaxRsTestApp} under {@code /api}. In authenticator mode Jersey finds
 * {@link GatehouseFeature} (a {@code @Provider}) and the resources by scanning, as WildFly and Payara
 * do; in filter mode everything is registered by hand.
 */
public final class JaxRsTestServer implements AutoCloseable {

    public enum Mode { AUTHENTICATOR, FILTER }

    private final Server server;
    private final URI base;

    private JaxRsTestServer(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Test settings on a fresh in-memory H2 database. */
    public static AuthSettings.Builder settings() {
        return AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:jaxrs" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .publicBaseUrl("http://app.example.test");
    }

    public static JaxRsTestServer start(Mode mode, AuthSettings settings) throws Exception {
        TestBeans.settings = settings;
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY);
        ctx.setContextPath("/");
        ctx.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
        ctx.addEventListener(new DecoratingListener(ctx, "org.eclipse.jetty.cdi.decorator"));
        ctx.addServletContainerInitializer(new EnhancedListener());
        ctx.addServletContainerInitializer(new GatehouseInitializer());
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
        server.setHandler(ctx);
        server.start();
        return new JaxRsTestServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() throws Exception { // NOPMD
        server.stop();
    }
}
