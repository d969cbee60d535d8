package dev.gatehouse.example;

import dev.gatehouse.AuthSettings;
import dev.gatehouse.web.GatehouseInitializer;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Runs the example on embedded Jetty 12 with Weld: {@code PORT} (default 8080), the settings of
 * {@link ExampleSettings}. Ctrl-C stops it cleanly.
 */
public final class Main {

    /** Every servlet of the example; the WAR finds the same ones through {@code @WebServlet}. */
    static final List<Class<? extends HttpServlet>> SERVLETS = List.of(AccountPages.Home.class, AccountPages.SignUp.class,
            AccountPages.Login.class, AccountPages.Logout.class, AccountPages.Dashboard.class, DevicePages.class,
            PasswordPages.Change.class, PasswordPages.Forgot.class, PasswordPages.Reset.class, PasswordPages.Verify.class,
            TokenPages.class, OutboxPage.class, AdminPage.class, ProjectsApi.class, AdminStatsApi.class, PingApi.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        AuthSettings settings = ExampleSettings.load(); // fail fast, before Jetty, on a bad setting
        Server server = start(port);
        server.setStopAtShutdown(true);
        System.out.printf("Gatehouse example ready at http://localhost:%d (started in %.1f s)%n",
                ((ServerConnector) server.getConnectors()[0]).getLocalPort(), (System.nanoTime() - started) / 1e9);
        System.out.println("Database: " + redact(settings.jdbcUrl()));
        if (ExampleSetup.bootstrapAdmin() == null) {
            System.out.println("No GATEHOUSE_BOOTSTRAP_ADMIN set: nobody will become admin.");
        }
        server.join();
    }

    /** Starts the example on a port (0 = any free one). */
    public static Server start(int port) throws Exception {
        return start(port, java.util.Map.of());
    }

    /** Starts the example with extra servlets (path → class), as the benchmark harness does. */
    public static Server start(int port, java.util.Map<String, Class<? extends HttpServlet>> extra) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY | ServletContextHandler.SESSIONS);
        ctx.setContextPath("/");
        ctx.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
        ctx.addEventListener(new DecoratingListener(ctx, "org.eclipse.jetty.cdi.decorator"));
        ctx.addServletContainerInitializer(new EnhancedListener());
        ctx.addServletContainerInitializer(new GatehouseInitializer());
        GatehouseJettyAuthenticator.install(ctx);
        ConstraintSecurityHandler security = (ConstraintSecurityHandler) ctx.getSecurityHandler();
        for (Class<? extends HttpServlet> servlet : SERVLETS) {
            String path = servlet.getAnnotation(WebServlet.class).value()[0];
            ServletHolder holder = new ServletHolder(servlet);
            ctx.addServlet(holder, path);
            ServletSecurity constraint = servlet.getAnnotation(ServletSecurity.class);
            if (constraint != null) {
                ConstraintSecurityHandler.createConstraintsWithMappingsForPath(holder.getName(), path,
                        new ServletSecurityElement(constraint)).forEach(security::addConstraintMapping);
            }
        }
        extra.forEach((path, servlet) -> ctx.addServlet(servlet, path));
        server.setHandler(ctx);
        server.start();
        return server;
    }

    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
