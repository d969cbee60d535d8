package dev.gatehouse.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a result as {@code key: value} lines, or as one JSON object with {@code --json}. */
final class Output {

    private final PrintStream out;
    private final boolean json;

    Output(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    void print(Map<String, Object> result) {
        if (json) {
            out.println(object(result).build());
            return;
        }
        for (Map.Entry<String, Object> e : result.entrySet()) {
            if (e.getValue() instanceof Collection<?> c && !c.isEmpty() && c.iterator().next() instanceof Map) {
                out.println(e.getKey() + ":");
                for (Object row : c) {
                    out.println("  " + ((Map<?, ?>) row).values().stream().map(String::valueOf).reduce((a, b) -> a + "  " + b).orElse(""));
                }
            } else {
                out.println(e.getKey() + ": " + text(e.getValue()));
            }
        }
    }

    private static String text(Object v) {
        if (v instanceof Collection<?> c) {
            return String.join(", ", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static JsonObjectBuilder object(Map<String, Object> m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        m.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else if (v instanceof Number n) {
                b.add(k, n.longValue());
            } else if (v instanceof Boolean bool) {
                b.add(k, bool);
            } else if (v instanceof Map<?, ?> inner) {
                b.add(k, object((Map<String, Object>) inner));
            } else if (v instanceof List<?> list) {
                JsonArrayBuilder a = Json.createArrayBuilder();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> im) {
                        a.add(object((Map<String, Object>) im));
                    } else {
                        a.add(String.valueOf(item));
                    }
                }
                b.add(k, a);
            } else {
                b.add(k, v.toString());
            }
        });
        return b;
    }
}
