package dev.gatehouse.internal.web.api;

import dev.gatehouse.internal.web.JsonText;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/** JSON out, and every builder and reader of the API, from one JSON-P provider looked up once. */
public final class JsonIo {

    /** {@code jakarta.json.Json}'s factories look the provider up on every call (a service-loader scan). */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonIo() {
    }

    static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    static JsonObjectBuilder object(JsonObject from) {
        return PROVIDER.createObjectBuilder(from);
    }

    static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    static JsonReader reader(Reader in) {
        return PROVIDER.createReader(in);
    }

    public static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        writeBytes(response, status, JsonText.utf8(body));
    }

    /**
     * Writes JSON text Gatehouse produced itself, unchanged (the passkey options, which browsers parse with
     * {@code PublicKeyCredential.parseCreationOptionsFromJSON}); never text a client sent.
     */
    static void writeRaw(HttpServletResponse response, int status, String json) throws IOException {
        writeBytes(response, status, json.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeBytes(HttpServletResponse response, int status, byte[] bytes) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }
}
