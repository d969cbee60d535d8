package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gatehouse.internal.web.BearerToken;
import org.junit.jupiter.api.Test;

/** pyxle-auth's bearer_token examples, one by one. */
class BearerTokenTest {

    @Test
    void acceptsTheSchemeInAnyCaseAndTrims() {
        assertEquals("gate_pat_abc123", BearerToken.parse("Bearer gate_pat_abc123"));
        for (String scheme : new String[] {"bearer", "BEARER", "BeArEr"}) {
            assertEquals("tok", BearerToken.parse(scheme + " tok"));
        }
        assertEquals("tok", BearerToken.parse("  Bearer tok  "));
        assertEquals("tok", BearerToken.parse("Bearer  tok"));
    }

    @Test
    void refusesEverythingElse() {
        for (String h : new String[] {null, "", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwYXNz", "Bearertok", "tok",
                "Bearer\ttok"}) {
            assertNull(BearerToken.parse(h), String.valueOf(h));
        }
    }

    @Test
    void boundsTheLength() {
        assertEquals("x".repeat(256), BearerToken.parse("Bearer " + "x".repeat(256)));
        assertNull(BearerToken.parse("Bearer " + "x".repeat(257)));
    }
}
