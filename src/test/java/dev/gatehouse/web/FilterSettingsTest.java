package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.FilterMode;
import dev.gatehouse.testing.TestBeans;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The filter's mode and URL rules come from the settings filterMode / filterRules, and the servlet
 * parameters dev.gatehouse.mode / dev.gatehouse.rules, when present, override them.
 */
class FilterSettingsTest {

    static final AuthSettings.Builder FILTER_BY_SETTINGS = TestServer.settings().filterMode(FilterMode.FILTER)
            .filterRules("/admin=admin");

    @Test
    void theSettingsAloneTurnOnFilterModeAndItsRules() throws Exception {
        assertEquals(401, statusOfAdminPage(FILTER_BY_SETTINGS.build(), Map.of()));
    }

    @Test
    void byDefaultTheContainerEnforcesConstraintsAndTheFilterNone() throws Exception {
        assertEquals(200, statusOfAdminPage(TestServer.settings().build(), Map.of()));
    }

    /** Rules someone wrote are never silently ignored: the container mode only leaves the request unwrapped. */
    @Test
    void urlRulesHoldInContainerModeToo() throws Exception {
        assertEquals(401, statusOfAdminPage(TestServer.settings().filterRules("/admin=admin").build(), Map.of()));
        assertEquals(401, statusOfAdminPage(FILTER_BY_SETTINGS.build(), Map.of(GatehouseFilter.MODE, "container")));
    }

    @Test
    void theServletParametersOverrideTheSettings() throws Exception {
        assertEquals(200, statusOfAdminPage(FILTER_BY_SETTINGS.build(), Map.of(GatehouseFilter.RULES, "/other=admin")));
        assertEquals(401, statusOfAdminPage(TestServer.settings().build(),
                Map.of(GatehouseFilter.MODE, "filter", GatehouseFilter.RULES, "/admin=admin")));
    }

    /** GET /admin, anonymously, on an embedded Jetty with the given settings and context parameters. */
    private static int statusOfAdminPage(AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        TestBeans.settings = settings;
        try (TestServer server = TestServer.jetty(ctx -> {
            contextParameters.forEach(ctx::setInitParameter);
            ctx.addServlet(TestApp.AdminServlet.class, "/admin");
        })) {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.base().resolve("/admin")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        }
    }
}
