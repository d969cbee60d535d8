package dev.gatehouse.testing;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** What a test application hands Gatehouse; set the fields before the container boots. */
@ApplicationScoped
public class TestBeans {

    public static volatile AuthSettings settings;
    public static volatile MutableClock clock = new MutableClock();
    public static volatile Mailer mailer = new DevOutboxMailer();

    @Produces
    @ForGatehouse
    AuthSettings settings() {
        return settings;
    }

    @Produces
    @ForGatehouse
    Clock clock() {
        return clock;
    }

    @Produces
    @ForGatehouse
    Mailer mailer() {
        return mailer;
    }
}
