package dev.gatehouse.example;

import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The black-box suite against the example on embedded Jetty, started in this JVM exactly as Main does. */
class JettyExampleIT extends ExampleBlackBoxSuite {

    Server server;
    String base;

    @BeforeAll
    void start() throws Exception {
        System.setProperty("gatehouse.jdbcUrl", "jdbc:h2:mem:ex" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        System.setProperty("gatehouse.housekeepingIntervalSeconds", "0");
        System.setProperty("example.bootstrapAdmin", ADMIN);
        System.setProperty("gatehouse.rateLimitSignUpPerHour", "100"); // the suite signs up and in many times from one address
        System.setProperty("gatehouse.rateLimitSignInPerHour", "200");
        server = Main.start(0);
        base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    @Override
    protected String base() {
        return base;
    }
}
