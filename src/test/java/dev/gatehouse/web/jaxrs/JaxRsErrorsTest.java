package dev.gatehouse.web.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.testing.AuditCapture;
import dev.gatehouse.web.Http;
import dev.gatehouse.web.TestServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What GatehouseFeature's exception mappers answer: the JSON error shape, the status of each
 * code, {@code WWW-Authenticate} on 401 only, {@code Retry-After} on 503, {@code no-store} always.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JaxRsErrorsTest {

    static final String PW = "tangerine-otter-42";

    TestServer server;
    Http http;
    String[] member;

    @BeforeAll
    void boot() throws Exception {
        server = JaxRsTestServer.start(JaxRsTestServer.Mode.AUTHENTICATOR,
                JaxRsTestServer.settings().rateLimitSignUpPerHour(1000).build());
        http = new Http(server.base());
        String cookie = http.post("/auth/signup", "{\"email\":\"member@example.com\",\"password\":\"" + PW + "\"}")
                .cookie("gatehouse_session").orElseThrow();
        member = new String[] {"Cookie", "gatehouse_session=" + cookie};
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** Status, code, the whole body as its characters, and the headers every refusal carries. */
    private static void assertRefusal(Http.Res res, int status, String code, String message) {
        assertEquals(status, res.status(), res.body());
        assertEquals("{\"ok\":false,\"error\":\"" + message + "\",\"code\":\"" + code + "\"}", res.body());
        assertTrue(res.header("Content-Type").orElseThrow().startsWith("application/json"), res.raw().headers().toString());
        assertEquals(Optional.of("no-store"), res.header("Cache-Control"));
        assertEquals(Optional.of("nosniff"), res.header("X-Content-Type-Options"));
    }

    @Test
    void anonymousCallerOfAGuardedResourceGets401WithABearerChallenge() throws Exception {
        Http.Res res = http.get("/api/plain/admin/guarded");
        assertRefusal(res, 401, "auth_required", "Sign in to do that.");
        assertEquals(Optional.of("Bearer realm=\"gatehouse\""), res.header("WWW-Authenticate"));
    }

    @Test
    void refusedBearerTokenGetsAnInvalidTokenChallenge() throws Exception {
        Http.Res res = http.get("/api/plain/admin/guarded", "Authorization", "Bearer ghp_not-a-gatehouse-token");
        assertRefusal(res, 401, "auth_required", "Sign in to do that.");
        assertEquals(Optional.of("Bearer error=\"invalid_token\""), res.header("WWW-Authenticate"));
    }

    @Test
    void signedInCallerWithoutTheRoleGets403WithoutAChallenge() throws Exception {
        Http.Res res = http.get("/api/cdi/admin/guarded", member);
        assertRefusal(res, 403, "permission_denied", "You don't have permission to do that.");
        assertEquals(Optional.empty(), res.header("WWW-Authenticate"));
    }

    @Test
    void unavailableGatehouseIs503WithRetryAfterNever500() throws Exception {
        Http.Res res = http.get("/api/errors/unavailable", member);
        assertRefusal(res, 503, "unavailable", "The database is not answering.");
        assertEquals(Optional.of("30"), res.header("Retry-After"));
        assertEquals(Optional.empty(), res.header("WWW-Authenticate"));
    }

    @Test
    void authExceptionsFromTheServicesKeepTheirStatusAndCode() throws Exception {
        assertRefusal(http.post("/api/errors/signup?email=not-an-email&password=" + PW, null), 400, "auth_error",
                "Please enter a valid email address.");
        assertRefusal(http.post("/api/errors/signup?email=short@example.com&password=abc", null), 422, "weak_password",
                "Password must be at least 8 characters.");
        assertRefusal(http.post("/api/errors/signup?email=member@example.com&password=" + PW, null), 409,
                "account_exists", "An account with this email already exists.");
        Http.Res wrong = http.post("/api/errors/signin?email=member@example.com&password=wrong-" + PW, null);
        assertRefusal(wrong, 401, "invalid_credentials", "Invalid email or password.");
        assertEquals(Optional.of("Bearer realm=\"gatehouse\""), wrong.header("WWW-Authenticate"));
    }

    @Test
    void ejbAccessExceptionIs403ForACallerAnd401ForAnonymousNever500() throws Exception {
        assertRefusal(http.get("/api/errors/ejb", member), 403, "permission_denied", "You don't have permission to do that.");
        Http.Res anonymous = http.get("/api/errors/ejb");
        assertRefusal(anonymous, 401, "auth_required", "Sign in to do that.");
        assertEquals(Optional.of("Bearer realm=\"gatehouse\""), anonymous.header("WWW-Authenticate"));
    }

    @Test
    void refusalWrappedInAnEjbExceptionIsAnsweredAsTheRefusal() throws Exception {
        assertRefusal(http.get("/api/errors/wrapped", member), 403, "permission_denied",
                "You don't have permission to do that.");
        assertRefusal(http.get("/api/errors/wrapped"), 401, "auth_required", "Sign in to do that.");
    }

    @Test
    void otherEjbExceptionsAre500ShowingNothingOfTheCause() throws Exception {
        Http.Res res = http.get("/api/errors/ejb-fault", member);
        assertRefusal(res, 500, "internal_error", "Something went wrong. Try again later.");
    }

    @Test
    void eachRefusalIsAuditedOnceWithTheCaller() throws Exception {
        try (AuditCapture audit = new AuditCapture()) {
            http.get("/api/cdi/admin/guarded", member);
            http.get("/api/plain/open/admin");
            List<String> refused = audit.lines().stream().filter(l -> l.contains("access.refused")).toList();
            assertEquals(2, refused.size(), refused.toString());
            assertTrue(refused.get(0).contains("access.refused:403:permission_denied GET /api/cdi/admin/guarded"), refused.get(0));
            assertTrue(!refused.get(0).contains("anonymous"), refused.get(0));
            assertTrue(refused.get(1).contains("access.refused:401:auth_required GET /api/plain/open/admin"), refused.get(1));
            assertTrue(refused.get(1).contains("anonymous"), refused.get(1));
        }
    }
}
