package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.FilterMode;
import dev.gatehouse.role.RoleService;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What filter mode on Tomcat 10.1 does beyond the shared suites: settings, container constraints, error pages. */
class TomcatFilterModeTest {

    private static final String PW = "tangerine-otter-42";

    @Test
    void theSettingsAloneTurnOnFilterModeAndItsRules() throws Exception {
        AuthSettings settings = TestServer.settings().filterMode(FilterMode.FILTER).filterRules("/admin=admin").build();
        try (TestServer server = TestServer.start(TestServer.Mode.TOMCAT_FILTER, settings, Map.of())) {
            assertEquals(401, new Http(server.base()).get("/admin").status());
        }
    }

    @Test
    void withoutFilterModeNothingGuardsTheAdminServlet() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Mode.TOMCAT_FILTER, TestServer.settings().build(), Map.of())) {
            assertEquals(200, new Http(server.base()).get("/admin").status(), "the default mode leaves URLs to the container");
        }
    }

    /**
     * Tomcat enforces a {@code @ServletSecurity} (or {@code <security-constraint>}) itself, before any
     * filter, and never sees Gatehouse's caller: the servlet is closed to everyone, admins included.
     * Filter mode on Tomcat therefore means URL rules instead of container constraints.
     */
    @Test
    void containerConstraintsFailClosedInFilterMode() throws Exception {
        AuthSettings settings = TestServer.settings().rateLimitSignUpPerHour(1000).build();
        try (TestServer server = TomcatTestServer.start(settings, "", Map.of(GatehouseFilter.MODE, "filter"), true, c -> { })) {
            Http http = new Http(server.base());
            String admin = admin(http);
            assertEquals(403, http.get("/admin").status());
            assertEquals(403, http.get("/admin", "Cookie", "gatehouse_session=" + admin).status());
            assertTrue(http.get("/whoami", "Cookie", "gatehouse_session=" + admin).body().contains("admin=true"));
        }
    }

    @Test
    void aBrowserIsRefusedWithTomcatsErrorPageAndTheSameHeadersAsAnApiClient() throws Exception {
        try (TestServer server = TestServer.start(TestServer.Mode.TOMCAT_FILTER, TestServer.settings().build())) {
            Http http = new Http(server.base());
            Http.Res page = http.get("/admin", "Accept", "text/html");
            Http.Res json = http.get("/admin", "Accept", "application/json");
            assertEquals(401, page.status());
            assertEquals(401, json.status());
            assertTrue(page.header("Content-Type").orElseThrow().startsWith("text/html"), page.header("Content-Type").toString());
            assertFalse(page.body().contains("Exception") || page.body().contains("\tat "), page.body());
            assertEquals(json.header("WWW-Authenticate"), page.header("WWW-Authenticate"));
            assertEquals(json.header("Cache-Control"), page.header("Cache-Control"));
            assertTrue(json.header("WWW-Authenticate").isPresent());
        }
    }

    /** Signs up an admin (a role holding every permission) and returns the session cookie value. */
    private static String admin(Http http) throws Exception {
        String cookie = http.post("/auth/signup", "{\"email\":\"a@example.com\",\"password\":\"" + PW + "\"}")
                .cookie("gatehouse_session").orElseThrow();
        RoleService roles = CDI.current().select(RoleService.class).get();
        roles.defineRole("admin", List.of("*"));
        roles.grantRole(CDI.current().select(UserAdminService.class).get().findUserByEmail("a@example.com").orElseThrow().id(),
                "admin");
        return cookie;
    }
}
