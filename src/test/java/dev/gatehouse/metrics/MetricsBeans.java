package dev.gatehouse.metrics;

import dev.gatehouse.ForGatehouse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Registries of the test applications (TestServer): a {@code @ForGatehouse} one, which Gatehouse
 * must use, and an unqualified one it must then leave alone. Static because the container creates
 * this bean; tests compare counts before and after.
 */
@ApplicationScoped
public class MetricsBeans {

    static final SimpleMeterRegistry FOR_GATEHOUSE = new SimpleMeterRegistry();
    static final SimpleMeterRegistry APPLICATION = new SimpleMeterRegistry();

    @Produces
    @ForGatehouse
    MeterRegistry gatehouseRegistry() {
        return FOR_GATEHOUSE;
    }

    @Produces
    MeterRegistry applicationRegistry() {
        return APPLICATION;
    }
}
