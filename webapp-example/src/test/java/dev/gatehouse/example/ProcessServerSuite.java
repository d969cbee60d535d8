package dev.gatehouse.example;

import org.junit.jupiter.api.AfterAll;

/** The black-box suite against a server running as a separate process. */
abstract class ProcessServerSuite extends ExampleBlackBoxSuite {

    ServerProcess server;
    String base;

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String base() {
        return base;
    }
}
