package dev.gatehouse.example;

import dev.gatehouse.ForGatehouse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The registry Gatehouse publishes its meters to ({@code @ForGatehouse}), scraped at {@code /metrics}. */
@ApplicationScoped
public class ExampleMetrics {

    @Produces
    @Singleton
    @ForGatehouse
    PrometheusMeterRegistry registry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    void close(@Disposes @ForGatehouse PrometheusMeterRegistry registry) {
        registry.close();
    }
}
