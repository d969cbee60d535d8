package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestBeans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleListener;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.jboss.weld.environment.servlet.EnhancedListener;

/**
 * Embedded Tomcat 10.1 set up as a Tomcat user's WAR is: Weld's {@link EnhancedListener} and
 * {@link GatehouseInitializer} as ServletContainerInitializers (a WAR gets both from their jars'
 * {@code META-INF/services}), TestApp's servlets created by Tomcat's instance manager, which Weld
 * replaces with its own so {@code @Inject} works in them (Weld's {@code TomcatContainer}).
 */
final class TomcatTestServer {

    private TomcatTestServer() {
    }

    static TestServer start(AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        return start(settings, "", contextParameters, false, connector -> { });
    }

    /**
     * @param contextPath the application's context path: "" for the root, else e.g. "/app" (then {@link TestServer#base()}
     *        is still the server's root)
     * @param containerAnnotations whether Tomcat processes the servlets' annotations ({@code @ServletSecurity}) as it
     *        does for a WAR with {@code @WebServlet}s; off, the application's access rules are Gatehouse's URL rules only
     * @param connectorSetup changes to the connector's defaults (e.g. a permissive {@code encodedSolidusHandling})
     */
    static TestServer start(AuthSettings settings, String contextPath, Map<String, String> contextParameters,
            boolean containerAnnotations, Consumer<Connector> connectorSetup) throws Exception {
        TestBeans.settings = settings;
        Path dir = Files.createTempDirectory("gatehouse-tomcat");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(dir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connectorSetup.accept(connector);
        tomcat.setConnector(connector);
        StandardContext ctx = context(tomcat, contextPath, Files.createDirectories(dir.resolve("webapp")), containerAnnotations);
        contextParameters.forEach(ctx::addParameter);
        AutoCloseable stop = () -> {
            tomcat.stop();
            tomcat.destroy();
            delete(dir);
        };
        try {
            tomcat.start();
            if (ctx.getState() != LifecycleState.STARTED) { // Tomcat logs a context's failure and serves 404s
                throw new IllegalStateException("the Tomcat context did not start (" + ctx.getState() + "): see the log");
            }
        } catch (Exception | Error e) { // NOPMD: whatever failed, the half-started server goes
            stop.close();
            throw e;
        }
        return new TestServer(stop, URI.create("http://127.0.0.1:" + connector.getLocalPort()));
    }

    /** The root context with Weld, Gatehouse, the default servlet and TestApp's servlets. */
    private static StandardContext context(Tomcat tomcat, String contextPath, Path docBase, boolean containerAnnotations) {
        StandardContext ctx = (StandardContext) tomcat.addContext(contextPath, docBase.toString());
        ctx.setClearReferencesObjectStreamClassCaches(false); // leak checks a one-JVM test run needs not, which
        ctx.setClearReferencesRmiTargets(false); // would warn without --add-opens at every stop
        ctx.setClearReferencesThreadLocals(false);
        if (!containerAnnotations) {
            for (LifecycleListener l : ctx.findLifecycleListeners()) {
                if (l instanceof Tomcat.FixContextListener) {
                    ctx.removeLifecycleListener(l); // it would also apply @ServletSecurity
                }
            }
            ctx.addLifecycleListener(event -> {
                if (Lifecycle.CONFIGURE_START_EVENT.equals(event.getType())) {
                    ctx.setConfigured(true);
                }
            });
        }
        ctx.addServletContainerInitializer(new EnhancedListener(), null);
        ctx.addServletContainerInitializer(new GatehouseInitializer(), null);
        // conf/web.xml gives every Tomcat webapp the default servlet on "/"; without one, Tomcat answers 404 to an
        // unmapped path (the JSON API's) before any filter runs
        Tomcat.addServlet(ctx, "default", "org.apache.catalina.servlets.DefaultServlet");
        ctx.addServletMappingDecoded("/", "default");
        TestServer.SERVLETS.forEach((path, servlet) -> {
            String name = servlet.getSimpleName();
            Tomcat.addServlet(ctx, name, servlet.getName()); // by class name: Tomcat's (Weld's) instance manager creates it
            ctx.addServletMappingDecoded(path, name);
        });
        return ctx;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
