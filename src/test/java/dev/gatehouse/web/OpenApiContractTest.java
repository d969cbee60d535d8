package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check catches what it is there to catch: it is not inert. */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.forPrefix("/auth");
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json;charset=utf-8"),
            "Cache-Control", List.of("no-store"), "X-Content-Type-Options", List.of("nosniff"));

    private static OpenApiContract.Exchange answer(String method, String path, int status, String body) {
        return answer(method, path, status, body, Map.of());
    }

    private static OpenApiContract.Exchange answer(String method, String path, int status, String body,
                                                   Map<String, List<String>> extraHeaders) {
        Map<String, List<String>> h = new java.util.HashMap<>(JSON);
        h.putAll(extraHeaders);
        return new OpenApiContract.Exchange(method, path, null, null, status, h, body);
    }

    private static String violation(OpenApiContract.Exchange x) {
        return assertThrows(AssertionError.class, () -> CONTRACT.check(x)).getMessage();
    }

    @Test
    void aDocumentedAnswerPasses() {
        assertDoesNotThrow(() -> CONTRACT.check(answer("GET", "/auth/me", 200, "{\"user\":null}")));
        assertDoesNotThrow(() -> CONTRACT.check(answer("DELETE", "/auth/sessions/abc", 200, "{\"ok\":true,\"revoked\":false}")));
    }

    @Test
    void aBodyThatBreaksItsSchemaFailsNamingTheOperationAndStatus() {
        String m = violation(answer("GET", "/auth/me", 200, "{\"user\":5}"));
        assertTrue(m.contains("GET /me answered 200") && m.contains("response body"), m);
        String extra = violation(answer("GET", "/auth/me", 200, "{\"user\":null,\"admin\":true}"));
        assertTrue(extra.contains("admin"), extra);
    }

    @Test
    void anUndocumentedStatusOrErrorCodeFails() {
        assertTrue(violation(answer("GET", "/auth/me", 418, "{}")).contains("status 418 is not documented"));
        String wrongCode = violation(answer("GET", "/auth/sessions", 401,
                "{\"ok\":false,\"error\":\"x\",\"code\":\"weak_password\"}"));
        assertTrue(wrongCode.contains("GET /sessions answered 401"), wrongCode);
    }

    @Test
    void aMissingRequiredHeaderFails() {
        String body = "{\"ok\":false,\"error\":\"Too many attempts.\",\"code\":\"rate_limited\"}";
        assertTrue(violation(answer("POST", "/auth/login", 429, body)).contains("required header Retry-After is missing"));
        assertDoesNotThrow(() -> CONTRACT.check(answer("POST", "/auth/login", 429, body, Map.of("Retry-After", List.of("30")))));
        assertTrue(violation(answer("POST", "/auth/login", 429, body, Map.of("Retry-After", List.of("soon"))))
                .contains("header Retry-After"));
    }

    @Test
    void anUnlistedMethodMustBe405WithTheDocumentedAllow() {
        String body = "{\"ok\":false,\"error\":\"Method not allowed\",\"code\":\"method_not_allowed\"}";
        assertDoesNotThrow(() -> CONTRACT.check(answer("PUT", "/auth/tokens", 405, body, Map.of("Allow", List.of("GET, POST")))));
        assertTrue(violation(answer("PUT", "/auth/tokens", 405, body, Map.of("Allow", List.of("GET")))).contains("Allow is"));
        assertTrue(violation(answer("PUT", "/auth/tokens", 200, "{}")).contains("must be answered 405"));
    }

    @Test
    void aRequestBodyTheServerAcceptedMustMatchTheDocument() {
        var accepted = new OpenApiContract.Exchange("POST", "/auth/tokens", "application/json", "{\"name\":7,\"scopes\":[]}",
                409, JSON, "{\"ok\":false,\"error\":\"x\",\"code\":\"token_limit_reached\"}");
        assertTrue(violation(accepted).contains("request body"));
        var refused = new OpenApiContract.Exchange("POST", "/auth/tokens", "application/json", "{\"name\":7}",
                400, JSON, "{\"ok\":false,\"error\":\"x\",\"code\":\"invalid_request\"}");
        assertDoesNotThrow(() -> CONTRACT.check(refused));
    }

    @Test
    void callsThatAreNotTheApisAreNotChecked() {
        assertDoesNotThrow(() -> CONTRACT.check(answer("GET", "/whoami", 418, "not json")));
        assertDoesNotThrow(() -> CONTRACT.check(answer("GET", "/auth/nothing-here", 418, "not json")));
        assertDoesNotThrow(() -> CONTRACT.check(new OpenApiContract.Exchange("POST", "/auth/login", null, null, 404,
                Map.of("Content-Type", List.of("text/html")), "<html>")));
        assertTrue(violation(new OpenApiContract.Exchange("GET", "/auth/me", null, null, 200,
                Map.of("Content-Type", List.of("text/html")), "<html>")).contains("not application/json"));
    }
}
