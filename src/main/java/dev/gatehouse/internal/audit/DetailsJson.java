package dev.gatehouse.internal.audit;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** An event's details as a flat JSON object of strings, capped in size by dropping the last entries. */
final class DetailsJson {

    private DetailsJson() {
    }

    static String write(Map<String, String> details, int max) {
        Map<String, String> kept = new LinkedHashMap<>(details);
        while (true) {
            JsonObjectBuilder b = Json.createObjectBuilder();
            kept.forEach(b::add);
            String json = b.build().toString();
            if (json.length() <= max || kept.isEmpty()) {
                return json;
            }
            String last = null;
            for (String k : kept.keySet()) {
                last = k;
            }
            kept.remove(last);
            kept.put("truncated", "true");
            if (kept.size() == 1) {
                return "{\"truncated\":\"true\"}";
            }
        }
    }

    static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        if (json == null || json.isBlank()) {
            return out;
        }
        try (var r = Json.createReader(new StringReader(json))) {
            r.readObject().forEach((k, v) -> out.put(k, v instanceof JsonString s ? s.getString()
                    : v == JsonValue.NULL ? null : v.toString()));
        }
        return out;
    }
}
