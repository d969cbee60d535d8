package dev.gatehouse.web;

import static dev.gatehouse.web.HttpApiSuite.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** {@code GET {authPathPrefix}/openapi.json}: the shipped document, its server the configured prefix; 404 when switched off. */
class OpenApiEndpointTest {

    private static void with(UnaryOperator<dev.gatehouse.config.AuthSettings.Builder> settings, Check check) throws Exception {
        try (TestServer server = TestServer.start(TestServer.Mode.FILTER, settings.apply(TestServer.settings()).build())) {
            check.run(server);
        }
    }

    @Test
    void theDocumentIsServedWithTheDefaultPrefixAsItsServer() throws Exception {
        with(b -> b, server -> {
            Http.Res r = new Http(server.base()).get("/auth/openapi.json");
            assertEquals(200, r.status(), r.body());
            assertTrue(r.header("Content-Type").orElseThrow().startsWith("application/json"));
            assertEquals("public, max-age=3600", r.header("Cache-Control").orElseThrow());
            JsonObject served = r.json();
            JsonObject shipped = OpenApiContract.forPrefix("/auth").document();
            assertEquals("/auth", served.getJsonArray("servers").getJsonObject(0).getString("url"));
            assertEquals(shipped.getJsonObject("paths"), served.getJsonObject("paths"));
            assertEquals(shipped.getJsonObject("components"), served.getJsonObject("components"));
            assertEquals("GET", new Http(server.base()).post("/auth/openapi.json", "{}").header("Allow").orElseThrow());
        });
    }

    @Test
    void anAnswerThatRenewsTheSessionCookieIsNotCacheable() throws Exception {
        TestBeans.clock.set(MutableClock.T0);
        with(b -> b, server -> {
            Http http = new Http(server.base());
            String cookie = http.post("/auth/signup", HttpApiSuite.body("email", HttpApiSuite.email(), "password", HttpApiSuite.PW))
                    .cookie(HttpApiSuite.COOKIE).orElseThrow();
            TestBeans.clock.advance(Duration.ofMinutes(5));
            Http.Res r = http.get("/auth/openapi.json", "Cookie", HttpApiSuite.COOKIE + "=" + cookie);
            assertEquals(cookie, r.cookie(HttpApiSuite.COOKIE).orElseThrow());
            assertEquals("no-store", r.header("Cache-Control").orElseThrow());
        });
    }

    @Test
    void anotherPrefixIsTheServedDocumentsServer() throws Exception {
        with(b -> b.authPathPrefix("/api/auth"), server -> {
            Http http = new Http(server.base(), "/api/auth");
            Http.Res r = http.get("/api/auth/openapi.json");
            assertEquals(200, r.status(), r.body());
            assertEquals("/api/auth", r.json().getJsonArray("servers").getJsonObject(0).getString("url"));
            assertEquals("{\"user\":null}", http.get("/api/auth/me").body()); // checked against the contract too
        });
    }

    @Test
    void switchedOffItIs404LikeAnUnknownPath() throws Exception {
        with(b -> b.enableOpenApi(false), server -> {
            Http http = new Http(server.base());
            assertError(http.get("/auth/openapi.json"), 404, "not_found");
            assertEquals(200, http.get("/auth/me").status());
        });
    }

    private interface Check {
        void run(TestServer server) throws Exception;
    }
}
