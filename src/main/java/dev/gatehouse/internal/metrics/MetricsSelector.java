package dev.gatehouse.internal.metrics;

/**
 * Picks the metrics implementation: Micrometer when it is on the class path, else {@link Metrics#NOOP}.
 * This class never names a Micrometer type, so it loads without Micrometer; {@code MicrometerMetrics}
 * is touched only once Micrometer is known to be there.
 */
public final class MetricsSelector {

    static final String REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";

    private MetricsSelector() {
    }

    /**
     * @param registry a {@code MeterRegistry}, or null for Micrometer's global registry
     * @throws IllegalArgumentException the registry is not a Micrometer {@code MeterRegistry}
     */
    public static Metrics select(Object registry) {
        return select(registry, MetricsSelector.class.getClassLoader());
    }

    static Metrics select(Object registry, ClassLoader loader) {
        Class<?> type = registryType(loader);
        if (type == null) {
            if (registry != null) {
                throw new IllegalArgumentException("A meter registry was given but Micrometer is not on the class path");
            }
            return Metrics.NOOP;
        }
        if (registry != null && !type.isInstance(registry)) {
            throw new IllegalArgumentException("Not a Micrometer MeterRegistry: " + registry.getClass().getName());
        }
        return MicrometerMetrics.of(registry);
    }

    /** Micrometer's {@code MeterRegistry} class, or null when Micrometer is not on the class path. */
    public static Class<?> registryType(ClassLoader loader) {
        try {
            return Class.forName(REGISTRY_CLASS, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
