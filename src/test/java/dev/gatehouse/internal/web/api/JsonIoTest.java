package dev.gatehouse.internal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ErrorCode;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Refusals;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The API's JSON comes from one provider lookup, and its error shape stays. */
class JsonIoTest {

    /**
     * {@code jakarta.json.Json}'s static factories look the provider up on every call. A class
     * calling one holds the constant-pool string "jakarta/json/Json" (length-prefixed, so
     * "jakarta/json/JsonObject" does not count).
     */
    @Test
    void noApiClassUsesJakartaJsonJsonsPerCallLookup() throws IOException, URISyntaxException {
        Path dir = Path.of(JsonIo.class.getResource("JsonIo.class").toURI()).getParent();
        byte[] name = "jakarta/json/Json".getBytes(StandardCharsets.US_ASCII);
        byte[] needle = new byte[name.length + 2];
        needle[1] = (byte) name.length;
        System.arraycopy(name, 0, needle, 2, name.length);
        List<Path> classes;
        try (Stream<Path> s = Files.list(dir)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertTrue(classes.size() >= 5, classes.toString());
        for (Path c : classes) {
            assertEquals(-1, indexOf(Files.readAllBytes(c), needle), c.getFileName() + " calls jakarta.json.Json");
        }
    }

    @Test
    void theErrorShapeIsOkFalseErrorCode() {
        assertEquals("{\"ok\":false,\"error\":\"Not found.\",\"code\":\"not_found\"}",
                new String(Refusals.body(Refusal.of(ErrorCode.NOT_FOUND, "Not found.")), StandardCharsets.UTF_8));
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
