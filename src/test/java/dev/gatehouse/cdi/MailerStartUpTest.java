package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import jakarta.enterprise.inject.Produces;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** A mail misconfiguration fails the deployment (here a Weld SE container), never a request. */
class MailerStartUpTest {

    /** Hands the producer its settings; no Mailer bean, as in an application that configured none. */
    public static class Beans {
        static volatile AuthSettings settings;

        @Produces
        @ForGatehouse
        AuthSettings settings() {
            return settings;
        }
    }

    static AuthSettings.Builder strict() {
        return AuthSettings.defaults().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:mail" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    }

    static WeldContainer boot(AuthSettings s) {
        Beans.settings = s;
        return new Weld("mail-" + UUID.randomUUID()).disableDiscovery().addBeanClasses(GatehouseProducer.class, Beans.class)
                .property("org.jboss.weld.bootstrap.concurrentDeployment", false).initialize();
    }

    static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }

    @Test
    void strictModeWithEmailLinksButNoWayToSendThemFailsStartUpSayingWhatToSet() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> boot(strict().publicBaseUrl("https://app.example.test").build()));
        String m = messages(e);
        assertTrue(m.contains("gatehouse.smtpHost") && m.contains("@ForGatehouse Mailer"), m);
    }

    @Test
    void strictModeStartsWithSmtpOrWithEmailLinksOff() {
        boot(strict().publicBaseUrl("https://app.example.test").smtpHost("smtp.example.test").build()).close();
        boot(strict().build()).close(); // no publicBaseUrl: the email rows are off (404), start-up logs what to set
    }
}
