package dev.gatehouse.example.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The example's Jakarta REST API under {@code /api/v2}. On WildFly and Payara the runtime finds
 * the resources and Gatehouse's {@code GatehouseFeature} by scanning the WAR; on embedded Jetty
 * {@code Main} registers {@link #RESOURCES} with Jersey by hand.
 */
@ApplicationPath("/api/v2")
public class ExampleRestApplication extends Application {

    /** The resources that run everywhere (the EJB-backed {@link LedgerResource} needs an EJB container). */
    public static final java.util.Set<Class<?>> RESOURCES = java.util.Set.of(ProjectsResource.class, MeResource.class,
            AdminStatsResource.class);
}
