package dev.gatehouse.internal.web.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.testing.FakeRequest;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/**
 * Coverage-guided fuzzing of JSON request bodies as every API endpoint reads them. The first input
 * byte picks the Content-Type (JSON, JSON with a charset, text, none); the rest is the body, read
 * with a 1 KiB cap. Either an object comes back, whose fields read as strings or fail with 400, or
 * the refusal is an ApiError of 400, 413 or 415; nothing else escapes.
 */
class JsonBodyFuzzTest {

    private static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain", null};

    @FuzzTest(maxDuration = "20s")
    void requestBodies(byte[] input) throws IOException {
        String type = input.length == 0 ? null : TYPES[Math.floorMod(input[0], TYPES.length)];
        byte[] body = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        Map<String, String> headers = type == null ? Map.of() : Map.of("Content-Type", type);
        try {
            JsonObject o = JsonBodies.readObject(FakeRequest.of("POST", headers, null, body), 1024);
            o.toString(); // every number in it can be written back
            assertNotNull(o);
            for (String field : o.keySet()) {
                try {
                    JsonBodies.optionalString(o, field);
                    JsonBodies.string(o, field, "required");
                } catch (ApiError e) {
                    assertTrue(e.code().httpStatus() == 400, "field " + field + ": " + e.code().httpStatus());
                }
            }
        } catch (ApiError e) {
            assertTrue(e.code().httpStatus() == 400 || e.code().httpStatus() == 413 || e.code().httpStatus() == 415, "status " + e.code().httpStatus());
        }
    }
}
