package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.MutableClock;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Every security event reaches CDI observers after the action; an observer that throws never breaks the flow. */
class SecurityEventsCdiTest {

    static final List<SecurityEvent> OBSERVED = new CopyOnWriteArrayList<>();
    static volatile boolean observerFails;

    /** The application's side: settings, clock, and an observer. */
    public static class App {
        static volatile AuthSettings settings;
        static final MutableClock CLOCK = new MutableClock();

        @Produces
        @ForGatehouse
        AuthSettings settings() {
            return settings;
        }

        @Produces
        @ForGatehouse
        Clock clock() {
            return CLOCK;
        }

        void on(@Observes SecurityEvent e) {
            OBSERVED.add(e);
            if (observerFails) {
                throw new IllegalStateException("observer bug");
            }
        }
    }

    static WeldContainer boot() {
        App.settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:events" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1").build();
        return new Weld("events-" + UUID.randomUUID()).disableDiscovery().addBeanClasses(GatehouseProducer.class, App.class)
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false).initialize();
    }

    @Test
    void everyEventIsFiredToObserversAfterItIsStored() {
        OBSERVED.clear();
        observerFails = false;
        try (WeldContainer weld = boot()) {
            RoleService roles = weld.select(RoleService.class).get();
            AuditLog audit = weld.select(AuditLog.class).get();
            roles.defineRole("editor", List.of());
            roles.grantRole("u1", "editor", "cli");
            List<SecurityEvent> granted = OBSERVED.stream().filter(e -> e.type() == EventType.ROLE_GRANTED).toList();
            assertEquals(1, granted.size());
            assertEquals("u1", granted.get(0).userId());
            assertEquals("cli", granted.get(0).actor());
            // the observer saw the stored event itself
            assertEquals(granted.get(0), audit.forUser("u1", 10, null).events().get(0));
        }
    }

    @Test
    void anObserverThatThrowsBreaksNothingAndOnEventListenersStillRun() throws Exception {
        OBSERVED.clear();
        observerFails = true;
        try (WeldContainer weld = boot()) {
            List<SecurityEvent> later = new CopyOnWriteArrayList<>();
            Gatehouse gh = weld.select(Gatehouse.class).get();
            try (AutoCloseable handle = gh.onEvent(later::add)) {
                RoleService roles = weld.select(RoleService.class).get();
                roles.defineRole("editor", List.of());
                roles.grantRole("u1", "editor"); // does not throw
                assertEquals(List.of("editor"), roles.rolesFor("u1"));
                assertTrue(OBSERVED.stream().anyMatch(e -> e.type() == EventType.ROLE_GRANTED), "the observer was called");
                assertTrue(later.stream().anyMatch(e -> e.type() == EventType.ROLE_GRANTED), "later listeners still run");
                assertEquals(1, weld.select(AuditLog.class).get().forUser("u1", 10, null).events().size());
            }
        } finally {
            observerFails = false;
        }
    }

    @Test
    void theProducedTrailIsTheRunningInstancesOwn() {
        OBSERVED.clear();
        try (WeldContainer weld = boot()) {
            AuditTrail trail = weld.select(AuditTrail.class).get();
            assertSame(trail, weld.select(AuditTrail.class).get());
            trail.event(EventType.ACCESS_DENIED, dev.gatehouse.audit.Outcome.FAILURE).user("u9").record();
            assertEquals(1, weld.select(AuditLog.class).get().forUser("u9", 10, null).events().size());
            assertTrue(OBSERVED.stream().anyMatch(e -> "u9".equals(e.userId())));
        }
    }
}
