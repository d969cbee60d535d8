package dev.gatehouse.example;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.example.rest.ExampleRestApplication;
import dev.gatehouse.web.jaxrs.GatehouseFeature;
import dev.gatehouse.web.GatehouseInitializer;
import dev.gatehouse.web.jetty.GatehouseJettyAuthenticator;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.DecoratingListener;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Runs the example on embedded Jetty 12 with Weld: {@code HOST} (default 127.0.0.1, this machine
 * only), {@code PORT} (default 8080), the settings of {@link ExampleSettings}. Ctrl-C stops it cleanly.
 */
public final class Main {

    /** Every servlet of the example; the WAR finds the same ones through {@code @WebServlet}. */
    static final List<Class<? extends HttpServlet>> SERVLETS = List.of(AccountPages.Home.class, AccountPages.SignUp.class,
            AccountPages.Login.class, AccountPages.Logout.class, AccountPages.Dashboard.class, DevicePages.class,
            PasswordPages.Change.class, PasswordPages.Forgot.class, PasswordPages.Reset.class, PasswordPages.Verify.class,
            TokenPages.class, LoginCodePage.class, SecurityPage.class, ConfirmPage.class, EmailPages.Change.class,
            EmailPages.Confirm.class, ActivityPages.Own.class, ActivityPages.Audit.class, OutboxPage.class, AdminPage.class, AdminDashboard.class, AdminRoles.class, ProjectsApi.class, AdminStatsApi.class, PingApi.class,
            ApiDocsPage.class, StaticFiles.class, HealthEndpoint.class, MetricsEndpoint.class, ErrorPage.class);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        String host = System.getenv().getOrDefault("HOST", "127.0.0.1");
        AuthSettings settings = ExampleSettings.load(); // fail fast, before Jetty, on a bad setting
        Server server;
        try {
            server = start(host, port, java.util.Map.of());
        } catch (IllegalStateException e) {
            System.err.println("Not started: " + e.getMessage());
            System.exit(2);
            return;
        }
        server.setStopAtShutdown(true);
        System.out.printf("Gatehouse example ready at http://%s:%d (started in %.1f s)%n", host.contains(":") ? "[" + host
                + "]" : host, ((ServerConnector) server.getConnectors()[0]).getLocalPort(), (System.nanoTime() - started) / 1e9);
        System.out.println("Database: " + redact(settings.database().jdbcUrl()));
        if (ExampleSetup.bootstrapAdmin() == null) {
            System.out.println("No GATEHOUSE_BOOTSTRAP_ADMIN set: nobody will become admin.");
        } else {
            System.out.println("GATEHOUSE_BOOTSTRAP_ADMIN becomes admin once that address is verified, if nobody is admin.");
        }
        server.join();
    }

    /** Starts the example on 127.0.0.1 and a port (0 = any free one). */
    public static Server start(int port) throws Exception {
        return start(port, java.util.Map.of());
    }

    /** Starts the example on 127.0.0.1 with extra servlets (path → class), as the benchmark harness does. */
    public static Server start(int port, java.util.Map<String, Class<? extends HttpServlet>> extra) throws Exception {
        return start("127.0.0.1", port, extra);
    }

    /**
     * Starts the example on one address ({@code 0.0.0.0}: every interface).
     *
     * @throws IllegalStateException the dev outbox would be exposed (see {@link DevOutbox#checkStart})
     */
    public static Server start(String host, int port, java.util.Map<String, Class<? extends HttpServlet>> extra)
            throws Exception {
        return start(host, port, extra, Clock.systemUTC());
    }

    /**
     * {@link #start(String, int, java.util.Map)} on another clock than the system's (tests move it
     * past a time window instead of waiting).
     */
    public static Server start(String host, int port, java.util.Map<String, Class<? extends HttpServlet>> extra, Clock clock)
            throws Exception {
        DevOutbox.checkStart(ExampleSettings.load(), host);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler ctx = new ServletContextHandler(ServletContextHandler.SECURITY | ServletContextHandler.SESSIONS);
        ctx.setContextPath("/");
        ctx.setAttribute(ExampleClock.ATTRIBUTE, clock);
        ctx.setAttribute("org.eclipse.jetty.cdi", "CdiDecoratingListener");
        ctx.addEventListener(new DecoratingListener(ctx, "org.eclipse.jetty.cdi.decorator"));
        ctx.addServletContainerInitializer(new EnhancedListener());
        ctx.addServletContainerInitializer(new GatehouseInitializer());
        GatehouseJettyAuthenticator.install(ctx);
        ConstraintSecurityHandler security = (ConstraintSecurityHandler) ctx.getSecurityHandler();
        for (Class<? extends HttpServlet> servlet : SERVLETS) {
            String[] paths = servlet.getAnnotation(WebServlet.class).value();
            String path = paths[0];
            ServletHolder holder = new ServletHolder(servlet);
            for (String p : paths) {
                ctx.addServlet(holder, p);
            }
            ServletSecurity constraint = servlet.getAnnotation(ServletSecurity.class);
            if (constraint != null) {
                ConstraintSecurityHandler.createConstraintsWithMappingsForPath(holder.getName(), path,
                        new ServletSecurityElement(constraint)).forEach(security::addConstraintMapping);
            }
        }
        // Jakarta REST on Jersey: the resources that need no EJB container, and Gatehouse's feature.
        ResourceConfig rest = new ResourceConfig(ExampleRestApplication.RESOURCES).register(GatehouseFeature.class);
        ctx.addServlet(new ServletHolder(new ServletContainer(rest)), "/api/v2/*");
        extra.forEach((path, servlet) -> ctx.addServlet(servlet, path));
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler(); // what WEB-INF/web.xml says in the WAR
        ErrorPage.CODES.forEach(code -> errors.addErrorPage(code, "/error"));
        errors.addErrorPage(Throwable.class, "/error");
        ctx.setErrorHandler(errors);
        server.setHandler(ctx);
        server.start();
        return server;
    }

    static String redact(String url) {
        return url == null ? null : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
