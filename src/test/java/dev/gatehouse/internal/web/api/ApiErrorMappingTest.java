package dev.gatehouse.internal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.InvalidRequestException;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the API answers for what a route throws: one table, the {@link ErrorCode}. */
class ApiErrorMappingTest {

    @Test
    void anIllegalArgumentExceptionIsAFaultAnswered500WithoutItsMessage() {
        Refusal r = ApiError.refusal(new IllegalArgumentException("No user with id 'secret-internal-id'"), "POST /tokens");
        assertEquals(ErrorCode.INTERNAL_ERROR, r.code());
        assertEquals(500, r.status());
        String body = new String(Refusals.body(r), StandardCharsets.UTF_8);
        assertEquals("{\"ok\":false,\"error\":\"Something went wrong. Try again later.\",\"code\":\"internal_error\"}", body);
        assertFalse(body.contains("secret-internal-id"));
    }

    @Test
    void authExceptionsAreAnsweredByTheirCode() {
        Refusal r = ApiError.refusal(new InvalidRequestException("'name' is too long."), "POST /tokens");
        assertEquals(400, r.status());
        assertEquals("invalid_request", r.code().wire());
        assertEquals("'name' is too long.", r.message());
        Refusal limited = ApiError.refusal(new RateLimitedException(17), "POST /login");
        assertEquals(429, limited.status());
        assertEquals("17", limited.headers().get("Retry-After"));
        Refusal down = ApiError.refusal(GatehouseUnavailableException.overloaded("Busy.", 3, null), "POST /signup");
        assertEquals(503, down.status());
        assertEquals("overloaded", down.code().wire());
        assertEquals("3", down.headers().get("Retry-After"));
    }

    @Test
    void theApiOwnErrorsKeepTheirHeaders() {
        Refusal r = ApiError.refusal(ApiError.methodNotAllowed("GET, POST"), "PUT /tokens");
        assertEquals(405, r.status());
        assertEquals("GET, POST", r.headers().get("Allow"));
        assertEquals("no-store", r.headers().get("Cache-Control"));
        assertEquals("nosniff", r.headers().get("X-Content-Type-Options"));
        assertFalse(r.headers().containsKey("WWW-Authenticate"), "the API sends no challenge");
        assertTrue(ApiError.audited(ApiError.refusal(new ApiError(ErrorCode.CSRF, "x"), "POST /login")));
        assertFalse(ApiError.audited(r));
    }
}
