package dev.gatehouse.example;

import dev.gatehouse.ForGatehouse;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.servlet.ServletContext;
import java.time.Clock;

/**
 * The clock Gatehouse runs on: the system's, unless the program that embeds the example hands it
 * another one ({@link Main#start(String, int, java.util.Map, Clock)} puts it in the servlet
 * context). The tests do that to move time past a window instead of waiting for it; a WAR in an
 * application server always runs on the system clock.
 */
@ApplicationScoped
public class ExampleClock {

    /** The servlet-context attribute an embedding program sets to a {@link Clock}. */
    static final String ATTRIBUTE = ExampleClock.class.getName();

    private volatile Clock clock = Clock.systemUTC();

    /** Before anything else observes the start (Gatehouse starts on its clock then). */
    void onStart(@Observes @Priority(1) @Initialized(ApplicationScoped.class) ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof Clock c) {
            clock = c;
        }
    }

    @Produces
    @ForGatehouse
    Clock clock() {
        return clock;
    }
}
