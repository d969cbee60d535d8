package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** HttpApiSuite on embedded Tomcat 10.1 in filter mode. */
class HttpApiTomcatFilterModeTest extends HttpApiSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }

    /**
     * Tomcat closes the connection after every 413 (its {@code Http11Processor.statusDropsConnection}),
     * drained body or not: what holds is that the client reads the refusal each time, and the next
     * request on a new connection is served.
     */
    @Override
    @Test
    void anOversizedBodyIsReadAndRefusedAndTheConnectionStaysOpen() throws Exception {
        for (String email : new String[] {"x".repeat(200_000), "x".repeat(200_000), "x".repeat(2_000_000)}) {
            Http.Res big = http.post("/auth/signup", "{\"email\":\"" + email + "\"}");
            assertError(big, 413, "payload_too_large");
            assertEquals("close", big.header("Connection").orElse("").toLowerCase(Locale.ROOT));
            assertEquals(200, http.get("/auth/me").status());
        }
    }
}
