package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.jetty.JettyContainer;
import org.jboss.weld.environment.servlet.Container;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Weld + Gatehouse + {@link TestApp} on a random loopback port: embedded Jetty 12 in authenticator
 * or filter mode, or embedded Tomcat 10.1 in filter mode ({@link TomcatTestServer}).
 */
public final class TestServer implements AutoCloseable {

    /** The container and how Gatehouse plugs into it. */
    public enum Mode {
        /** Jetty with {@code GatehouseJettyAuthenticator}: the container enforces {@code @ServletSecurity}. */
        AUTHENTICATOR,
        /** Jetty, Gatehouse's filter in filter mode with the URL rule {@code /admin=admin}. */
        FILTER,
        /** Tomcat 10.1, Gatehouse's filter in filter mode with the URL rule {@code /admin=admin}. */
        TOMCAT_FILTER;

        /** The context parameters the mode sets (filter mode and its rule). */
        Map<String, String> contextParameters() {
            return this == AUTHENTICATOR ? Map.of()
                    : Map.of(GatehouseFilter.MODE, "filter", GatehouseFilter.RULES, "/admin=admin");
        }
    }

    /** TestApp's servlets by path. */
    static final Map<String, Class<? extends HttpServlet>> SERVLETS = new LinkedHashMap<>();

    static {
        SERVLETS.put("/admin", TestApp.AdminServlet.class);
        SERVLETS.put("/whoami", TestApp.WhoAmIServlet.class);
        SERVLETS.put("/service", TestApp.ServiceServlet.class);
        SERVLETS.put("/projects", TestApp.ProjectsServlet.class);
        SERVLETS.put("/reports", TestApp.ReportsServlet.class);
        SERVLETS.put("/account", TestApp.AccountServlet.class);
    }

    private final AutoCloseable running;
    private final URI base;

    TestServer(AutoCloseable running, URI base) {
        this.running = running;
        this.base = base;
    }

    /** Test settings on a fresh in-memory H2 database. */
    public static AuthSettings.Builder settings() {
        return AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:http" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .publicBaseUrl("http://app.example.test");
    }

    public static TestServer start(Mode mode, AuthSettings settings) throws Exception {
        return start(mode, settings, mode.contextParameters());
    }

    /** As {@link #start(Mode, AuthSettings)}, with these context parameters instead of the mode's own. */
    public static TestServer start(Mode mode, AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        if (mode == Mode.TOMCAT_FILTER) {
            return TomcatTestServer.start(settings, contextParameters);
        }
        TestBeans.settings = settings;
        return startJetty(mode, contextParameters);
    }

    private static TestServer startJetty(Mode mode, Map<String, String> contextParameters) throws Exception {
        return jetty(ctx -> {
            if (mode == Mode.AUTHENTICATOR) {
                GatehouseJettyAuthenticator.install(ctx);
            }
            contextParameters.forEach(ctx::setInitParameter);
            SERVLETS.forEach((path, servlet) -> add(ctx, mode, path, servlet));
        });
    }

    /**
     * Starts embedded Jetty on 127.0.0.1 and a free port with a root context carrying Weld (servlet
     * injection included) and Gatehouse's initializer; {@code configure} adds the rest before the
     * start. Settings come from {@link TestBeans#settings}.
     */
    public static TestServer jetty(java.util.function.Consumer<ServletContextHandler> configure) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY);
        ctx.setContextPath("/");
        // Weld tries Tomcat first when its classes are on the class path (they are, for the Tomcat tests)
        ctx.setInitParameter(Container.CONTEXT_PARAM_CONTAINER_CLASS, JettyContainer.class.getName());
        ctx.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
        ctx.addEventListener(new DecoratingListener(ctx, "org.eclipse.jetty.cdi.decorator"));
        ctx.addServletContainerInitializer(new EnhancedListener());
        ctx.addServletContainerInitializer(new GatehouseInitializer());
        configure.accept(ctx);
        server.setHandler(ctx);
        server.start();
        return new TestServer(server::stop, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
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
        running.close();
    }
}
