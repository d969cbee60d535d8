package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.EnhancedListener;

/** Embedded Jetty 12 + Weld + Gatehouse on a random loopback port, in authenticator or filter mode. */
public final class TestServer implements AutoCloseable {

    public enum Mode { AUTHENTICATOR, FILTER }

    private final Server server;
    private final URI base;

    private TestServer(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Test settings on a fresh in-memory H2 database. */
    public static AuthSettings.Builder settings() {
        return AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:http" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .publicBaseUrl("http://app.example.test");
    }

    public static TestServer start(Mode mode, AuthSettings settings) throws Exception {
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
        if (mode == Mode.AUTHENTICATOR) {
            GatehouseJettyAuthenticator.install(ctx);
        } else {
            ctx.setInitParameter(GatehouseFilter.MODE, "filter");
            ctx.setInitParameter(GatehouseFilter.RULES, "/admin=admin");
        }
        add(ctx, mode, "/admin", TestApp.AdminServlet.class);
        add(ctx, mode, "/whoami", TestApp.WhoAmIServlet.class);
        add(ctx, mode, "/service", TestApp.ServiceServlet.class);
        add(ctx, mode, "/projects", TestApp.ProjectsServlet.class);
        add(ctx, mode, "/reports", TestApp.ReportsServlet.class);
        add(ctx, mode, "/account", TestApp.AccountServlet.class);
        server.setHandler(ctx);
        server.start();
        return new TestServer(server, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /** Jetty creates the servlet, so Weld's decorator injects it. */
    private static void add(ServletContextHandler ctx, Mode mode, String path, Class<? extends HttpServlet> servlet) {
        ServletHolder holder = new ServletHolder(servlet);
        ctx.addServlet(holder, path);
        ServletSecurity ann = servlet.getAnnotation(ServletSecurity.class);
        if (ann != null && mode == Mode.AUTHENTICATOR) {
            ConstraintSecurityHandler sh = (ConstraintSecurityHandler) ctx.getSecurityHandler();
            ConstraintSecurityHandler.createConstraintsWithMappingsForPath(holder.getName(), path,
                    new ServletSecurityElement(ann)).forEach(sh::addConstraintMapping);
        }
    }

    public URI base() {
        return base;
    }

    @Override
    public void close() throws Exception { // NOPMD
        server.stop();
    }
}
