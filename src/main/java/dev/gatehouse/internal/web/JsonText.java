package dev.gatehouse.internal.web;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The compact JSON text of a JSON-P value in UTF-8, character for character what the provider's
 * {@code toString()} writes (Parsson: no whitespace, {@code "} {@code \} and control characters
 * escaped, {@code \}{@code u00xx} in lower case, nothing else). Written here because the provider's
 * writer costs more than building the answer: a pooled buffer, a synchronized {@code StringWriter},
 * a wrapper per entry, then a copy into bytes, on every API answer.
 */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    public static byte[] utf8(JsonValue value) {
        StringBuilder out = new StringBuilder(256);
        append(out, value);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static void append(StringBuilder out, JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) value).entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    quote(out, e.getKey());
                    out.append(':');
                    append(out, e.getValue());
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                boolean first = true;
                for (JsonValue v : (JsonArray) value) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    append(out, v);
                }
                out.append(']');
            }
            case STRING -> quote(out, ((JsonString) value).getString());
            default -> out.append(value); // a number, true, false or null: its own text
        }
    }

    private static void quote(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i).append('\\');
            switch (c) {
                case '"', '\\' -> out.append(c);
                case '\b' -> out.append('b');
                case '\f' -> out.append('f');
                case '\n' -> out.append('n');
                case '\r' -> out.append('r');
                case '\t' -> out.append('t');
                default -> out.append("u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
            plain = i + 1;
        }
        out.append(s, plain, s.length()).append('"');
    }
}
