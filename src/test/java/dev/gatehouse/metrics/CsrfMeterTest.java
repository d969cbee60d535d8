package dev.gatehouse.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.web.Http;
import dev.gatehouse.web.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Over HTTP (embedded Jetty + Weld, filter mode): a cross-site sign-in is refused and counted on the
 * application's {@code @ForGatehouse MeterRegistry}, which Gatehouse prefers to its unqualified one.
 */
class CsrfMeterTest {

    private static double csrf() {
        var c = MetricsBeans.FOR_GATEHOUSE.find("gatehouse.csrf.refusals").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aCrossSiteSignInIsRefusedAndCountedOnTheForGatehouseRegistry() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Mode.FILTER, TestServer.settings().build())) {
            Http http = new Http(server.base());
            double before = csrf();
            String creds = "{\"email\":\"ada@example.com\",\"password\":\"tangerine-otter-42\"}";
            Http.Res forged = http.post("/auth/login", creds, "Origin", "https://evil.example");
            assertEquals(403, forged.status());
            assertEquals("csrf", forged.json().getString("code"));
            assertEquals(before + 1, csrf());
            assertTrue(MetricsBeans.FOR_GATEHOUSE.find("gatehouse.hashing.slots.active").gauge() != null);
            assertTrue(MetricsBeans.APPLICATION.getMeters().stream()
                    .noneMatch(m -> m.getId().getName().startsWith("gatehouse.")), "the unqualified registry is left alone");
        }
    }
}
