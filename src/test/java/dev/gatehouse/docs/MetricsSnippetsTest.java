package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.ForGatehouse;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.Health;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The snippets of docs/METRICS.md, compiled and run so the page cannot drift from the API. */
class MetricsSnippetsTest {

    /** docs/METRICS.md "Choosing the registry" (CDI). Not a bean here: the class is nested and unannotated. */
    static class Producers {
        private final MeterRegistry prometheus = new SimpleMeterRegistry();

        @Produces
        @ForGatehouse
        MeterRegistry gatehouseMeters() {
            return prometheus; // e.g. a PrometheusMeterRegistry the application also scrapes
        }
    }

    /** docs/METRICS.md "Without CDI" and "Health". */
    static Health plainJava(AuthSettings settings, DataSource dataSource, MeterRegistry registry) {
        try (Gatehouse gh = Gatehouse.start(settings, dataSource, Clock.systemUTC(), registry)) {
            Health health = gh.health();
            if (!health.up()) {
                health.checks().stream().filter(c -> !c.up())
                        .forEach(c -> System.err.println(c.name() + ": " + c.detail()));
            }
            return health;
        }
    }

    @Test
    void thePlainJavaSnippetStartsWithARegistryAndReportsHealth() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (HikariDataSource pool = TestDatabase.H2.freshDataSource()) {
            Health h = plainJava(AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0).build(),
                    pool, registry);
            assertTrue(h.up(), h.toString());
        }
        assertTrue(registry.find("gatehouse.hashing").timer() != null);
        assertTrue(new Producers().gatehouseMeters() instanceof SimpleMeterRegistry);
    }

    /** docs/METRICS.md "Prometheus": the names a scrape shows. */
    @Test
    void prometheusShowsTheDocumentedNames() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try (HikariDataSource pool = TestDatabase.H2.freshDataSource();
             Gatehouse gh = Gatehouse.start(AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                     .build(), pool, Clock.systemUTC(), prometheus)) {
            gh.auth().signUp("ada@example.com", null, "tangerine-otter-42", null, null);
            gh.auth().signIn("ada@example.com", "tangerine-otter-42", null, null);
            String scrape = prometheus.scrape();
            for (String line : new String[] {"gatehouse_signin_total{result=\"success\"} 1.0", "gatehouse_hashing_seconds_count 2",
                    "gatehouse_hashing_slots_waiting 0.0", "gatehouse_sessions_started_total 2.0"}) {
                assertTrue(scrape.contains(line), line + " in\n" + scrape);
            }
        }
    }
}
