package dev.gatehouse.internal.audit;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An event's details as a flat JSON object of strings, capped in size by dropping the last entries. */
final class DetailsJson {

    /** {@code Json}'s factories look the provider up on every call (a service-loader scan). */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String TRUNCATED = "{\"truncated\":\"true\"}";

    private DetailsJson() {
    }

    /** The details as JSON of at most {@code max} characters: the last entries go first, and {@code truncated} says so. */
    static String write(Map<String, String> details, int max) {
        List<Map.Entry<String, String>> kept = new ArrayList<>(details.entrySet());
        String json = json(kept, false);
        while (json.length() > max && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
            json = json(kept, true);
        }
        return json.length() <= max ? json : TRUNCATED;
    }

    private static String json(List<Map.Entry<String, String>> entries, boolean truncated) {
        JsonObjectBuilder b = JSON.createObjectBuilder();
        entries.forEach(e -> b.add(e.getKey(), e.getValue()));
        if (truncated) {
            b.add("truncated", "true");
        }
        return b.build().toString();
    }

    static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try (var r = JSON.createReader(new StringReader(json))) {
            r.readObject().forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString()
                    : v == JsonValue.NULL ? null : v.toString()));
        }
        return out;
    }
}
