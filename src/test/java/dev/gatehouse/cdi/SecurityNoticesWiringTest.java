package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.User;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.mail.Mailer;
import dev.gatehouse.testing.MutableClock;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Under CDI, a Gatehouse's security events reach the owner's mailbox through the application's mailer. */
class SecurityNoticesWiringTest {

    private static final String PASSWORD = "tangerine-otter-42";

    /** The application's settings, clock and mailer, as an application hands them to Gatehouse. */
    public static class Beans {
        static volatile AuthSettings settings;
        static final MutableClock CLOCK = new MutableClock();
        static volatile DevOutboxMailer outbox;

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

        @Produces
        @ForGatehouse
        Mailer mailer() {
            return outbox;
        }
    }

    static WeldContainer boot(boolean notices) {
        Beans.settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .securityNotices(notices)
                .jdbcUrl("jdbc:h2:mem:notices" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .build();
        Beans.outbox = new DevOutboxMailer();
        return new Weld("notices-" + UUID.randomUUID()).disableDiscovery()
                .addBeanClasses(GatehouseProducer.class, Beans.class)
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false).initialize();
    }

    /** The trail the Gatehouse's flows record into (not API: reached the way only a test may). */
    static AuditTrail trail(Gatehouse gh) throws ReflectiveOperationException {
        java.lang.reflect.Field f = Gatehouse.class.getDeclaredField("trail");
        f.setAccessible(true);
        return (AuditTrail) f.get(gh);
    }

    static List<MailMessage> titled(String subject) {
        return Beans.outbox.messages().stream().filter(m -> m.subject().equals(subject)).toList();
    }

    @Test
    void anEventRecordedOnTheGatehousesTrailMailsItsOwnerThroughTheApplicationsMailer() throws Exception {
        try (WeldContainer c = boot(true)) {
            Gatehouse gh = c.select(Gatehouse.class).get();
            User ada = gh.auth().signUp("ada@example.com", null, PASSWORD, "198.51.100.1", "junit").user();
            trail(gh).event(EventType.MFA_ENABLED, Outcome.SUCCESS).user(ada.id()).client("198.51.100.1", "junit")
                    .detail("factor", "totp").record();
            List<MailMessage> sent = titled("Two-factor sign-in was turned on");
            assertEquals(1, sent.size(), Beans.outbox.messages().toString());
            assertEquals("ada@example.com", sent.get(0).to());
            assertTrue(sent.get(0).body().contains("When: 2026-03-01 10:00:00 UTC\nIP address: 198.51.100.1\n"),
                    sent.get(0).body());
        }
    }

    @Test
    void withSecurityNoticesOffTheSameEventMailsNothing() throws Exception {
        try (WeldContainer c = boot(false)) {
            Gatehouse gh = c.select(Gatehouse.class).get();
            User ada = gh.auth().signUp("ada@example.com", null, PASSWORD, null, null).user();
            trail(gh).event(EventType.MFA_ENABLED, Outcome.SUCCESS).user(ada.id()).record();
            assertEquals(List.of(), Beans.outbox.messages());
        }
    }

    @Test
    void changingThePasswordMailsTheOwner() {
        try (WeldContainer c = boot(true)) {
            Gatehouse gh = c.select(Gatehouse.class).get();
            List<SecurityEvent> events = new CopyOnWriteArrayList<>();
            gh.onEvent(events::add);
            User ada = gh.auth().signUp("ada@example.com", null, PASSWORD, null, null).user();
            gh.auth().changePassword(ada.id(), PASSWORD, "another-tangerine-43");
            assertTrue(events.stream().anyMatch(e -> e.type() == EventType.PASSWORD_CHANGED), events.toString());
            List<MailMessage> sent = titled("Your password was changed");
            assertEquals(1, sent.size(), Beans.outbox.messages().toString());
            assertEquals("ada@example.com", sent.get(0).to());
            assertTrue(sent.get(0).body().contains("Your account has no API tokens."), sent.get(0).body());
        }
    }
}
