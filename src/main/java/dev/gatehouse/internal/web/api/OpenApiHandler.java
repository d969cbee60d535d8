package dev.gatehouse.internal.web.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET {prefix}/openapi.json}: the API's OpenAPI document, shipped in the jar as
 * {@value #RESOURCE}, with {@code servers} set to the configured prefix (its paths are relative to it).
 */
final class OpenApiHandler {

    static final String RESOURCE = "/dev/gatehouse/openapi.json";
    /** The same for every caller and until the next deployment: shared caches may keep it for an hour. */
    static final String CACHE_CONTROL = "public, max-age=3600";

    private final byte[] document;

    OpenApiHandler(String authPathPrefix) {
        JsonObject shipped = read();
        JsonObject server = JsonIo.object().add("url", authPathPrefix).add("description", "authPathPrefix").build();
        this.document = JsonIo.object(shipped).add("servers", JsonIo.array().add(server)).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject read() {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the Gatehouse jar");
            }
            try (JsonReader reader = JsonIo.reader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(ApiCall c) throws IOException {
        var res = c.res();
        res.setStatus(200);
        res.setContentType("application/json;charset=utf-8");
        // A response that renews a session cookie (the filter set it, with no-store) must not be shared.
        if (!res.containsHeader("Set-Cookie")) {
            res.setHeader("Cache-Control", CACHE_CONTROL);
        }
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setContentLength(document.length);
        try (OutputStream out = res.getOutputStream()) {
            out.write(document);
        }
    }
}
