package dev.gatehouse.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one place that decides a refusal's headers. */
class RefusalTest {

    @Test
    void aChallengeOnlyOnA401AndInvalidTokenOnlyForARefusedBearer() {
        Refusal anonymous = Refusal.of(AccessDeniedException.authRequired());
        assertEquals("Bearer realm=\"gatehouse\"", anonymous.challenging(false).headers().get("WWW-Authenticate"));
        assertEquals("Bearer error=\"invalid_token\"", anonymous.challenging(true).headers().get("WWW-Authenticate"));
        assertNull(anonymous.headers().get("WWW-Authenticate"), "no challenge unless asked for");
        Refusal forbidden = Refusal.of(AccessDeniedException.forbidden("admin")).challenging(true);
        assertFalse(forbidden.headers().containsKey("WWW-Authenticate"));
        assertEquals(403, forbidden.status());
    }

    @Test
    void everyRefusalIsUncachedAndNotSniffedAndRetryAfterOnlyWhereItMeansSomething() {
        Refusal down = Refusal.of(GatehouseUnavailableException.unavailable("Down.", 5, null));
        assertEquals(Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff", "Retry-After", "5"),
                down.headers());
        Refusal csrf = Refusal.of(ErrorCode.CSRF, "Cross-site request refused.");
        assertEquals(Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"), csrf.headers());
        assertEquals(Map.of("Cache-Control", "no-store", "X-Content-Type-Options", "nosniff"),
                new Refusal(ErrorCode.INVALID_REQUEST, "x", 9, null, Map.of()).headers());
    }
}
