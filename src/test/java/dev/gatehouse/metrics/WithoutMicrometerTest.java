package dev.gatehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Micrometer is an optional dependency: on a class path without it Gatehouse starts, signs people
 * in and reports health, with no meters. Runs the library in a class loader that holds everything
 * of the test class path except Micrometer's jars.
 */
class WithoutMicrometerTest {

    static URLClassLoader withoutMicrometer() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank() && !entry.contains("micrometer")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader("no-micrometer", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void theIsolatedClassPathReallyLacksMicrometerButHasGatehouse() throws Exception {
        try (URLClassLoader loader = withoutMicrometer()) {
            assertThrows(ClassNotFoundException.class,
                    () -> Class.forName("io.micrometer.core.instrument.MeterRegistry", false, loader));
            assertSame(loader, Class.forName("dev.gatehouse.Gatehouse", false, loader).getClassLoader());
        }
    }

    @Test
    void withoutMicrometerTheSelectorPicksTheNoOpAndRefusesARegistry() throws Exception {
        try (URLClassLoader loader = withoutMicrometer()) {
            Class<?> selector = Class.forName("dev.gatehouse.internal.metrics.MetricsSelector", true, loader);
            Object noop = Class.forName("dev.gatehouse.internal.metrics.Metrics", true, loader).getField("NOOP").get(null);
            assertSame(noop, selector.getMethod("select", Object.class).invoke(null, (Object) null));
            Throwable refused = assertThrows(java.lang.reflect.InvocationTargetException.class,
                    () -> selector.getMethod("select", Object.class).invoke(null, new Object())).getCause();
            assertEquals(IllegalArgumentException.class, refused.getClass());
        }
    }

    @Test
    void withoutMicrometerGatehouseStartsSignsInAndIsHealthy() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = withoutMicrometer()) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> settingsType = loader.loadClass("dev.gatehouse.config.AuthSettings");
            Object tests = call(call(settingsType.getMethod("defaults").invoke(null), "forTests"), "toBuilder");
            tests = call(tests, "housekeepingIntervalSeconds", 0L);
            Object settings = call(tests, "build");
            // H2's data source from the isolated loader: DriverManager would not hand this loader the test's driver
            DataSource h2 = (DataSource) loader.loadClass("org.h2.jdbcx.JdbcDataSource").getConstructor().newInstance();
            call(h2, "setURL", "jdbc:h2:mem:nomicrometer" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
            Class<?> gatehouse = loader.loadClass("dev.gatehouse.Gatehouse");
            try (AutoCloseable gh = (AutoCloseable) gatehouse.getMethod("start", settingsType, DataSource.class, Clock.class)
                    .invoke(null, settings, h2, Clock.systemUTC())) {
                Object auth = call(gh, "auth");
                Class<?> authType = loader.loadClass("dev.gatehouse.account.AuthService");
                authType.getMethod("signUp", String.class, String.class, String.class, String.class, String.class)
                        .invoke(auth, "ada@example.com", null, "tangerine-otter-42", "203.0.113.7", "ua");
                Object signedIn = authType.getMethod("signIn", String.class, String.class, String.class, String.class)
                        .invoke(auth, "ada@example.com", "tangerine-otter-42", "203.0.113.7", "ua");
                assertFalse(String.valueOf(signedIn).isEmpty());
                Object health = call(gh, "health");
                assertTrue((Boolean) call(health, "up"), String.valueOf(health));
            }
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /** Calls the public method of that name taking these arguments (boxed types matched to primitives). */
    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : publicMethods(target.getClass())) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static List<Method> publicMethods(Class<?> type) {
        List<Method> out = new ArrayList<>();
        for (Class<?> t = type; t != null; t = t.getSuperclass()) {
            if (java.lang.reflect.Modifier.isPublic(t.getModifiers())) {
                out.addAll(List.of(t.getMethods()));
            }
            for (Class<?> i : t.getInterfaces()) {
                out.addAll(List.of(i.getMethods()));
            }
        }
        return out;
    }
}
