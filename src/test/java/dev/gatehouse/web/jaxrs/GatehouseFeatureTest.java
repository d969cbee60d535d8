package dev.gatehouse.web.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How GatehouseFeature registers its parts: once, and only through itself. */
class GatehouseFeatureTest {

    /** A FeatureContext that records what is registered and answers isRegistered from that. */
    private static FeatureContext recording(List<Object> registered) {
        Configuration config = (Configuration) Proxy.newProxyInstance(getLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isRegistered" -> registered.contains(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (FeatureContext) Proxy.newProxyInstance(getLoader(), new Class<?>[] {FeatureContext.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getConfiguration" -> config;
                    case "register" -> {
                        registered.add(args[0]);
                        yield proxy;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static ClassLoader getLoader() {
        return GatehouseFeatureTest.class.getClassLoader();
    }

    @Test
    void configuringTwiceRegistersEachPartOnce() {
        List<Object> registered = new ArrayList<>();
        FeatureContext context = recording(registered);
        assertTrue(new GatehouseFeature().configure(context));
        List<String> names = registered.stream().map(c -> ((Class<?>) c).getSimpleName()).toList();
        assertEquals(List.of("CallerFilter", "AccessFeature", "AuthExceptionMapper", "UnavailableMapper", "EjbAccessMapper",
                        "EjbExceptionMapper"),
                names, "the EJB API is on the test class path, so its mappers are registered");
        assertFalse(new GatehouseFeature().configure(context));
        assertEquals(6, registered.size());
    }

    @Test
    void theEjbMapperIsLeftOutWhereTheEjbApiIsMissing() {
        assertTrue(GatehouseFeature.present(GatehouseFeature.EJB_ACCESS_EXCEPTION));
        assertFalse(GatehouseFeature.present("jakarta.ejb.NoSuchTypeInAnyEjbApi"));
    }

    /** A scanning runtime registers whatever carries @Provider: only the feature may, or parts would be registered twice. */
    @Test
    void onlyTheFeatureIsAProvider() throws Exception {
        List<String> providers = new ArrayList<>();
        for (String name : libraryClasses("dev/gatehouse")) {
            Class<?> type = Class.forName(name, false, getLoader());
            if (type.isAnnotationPresent(Provider.class)) {
                providers.add(type.getName());
            }
        }
        assertEquals(List.of(GatehouseFeature.class.getName()), providers);
    }

    private static List<String> libraryClasses(String under) throws IOException, URISyntaxException {
        Path root = Path.of(GatehouseFeature.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.walk(root.resolve(under))) {
            return files.map(p -> root.relativize(p).toString())
                    .filter(p -> p.endsWith(".class") && !p.endsWith("package-info.class"))
                    .map(p -> p.substring(0, p.length() - 6).replace(root.getFileSystem().getSeparator(), "."))
                    .sorted().toList();
        }
    }
}
