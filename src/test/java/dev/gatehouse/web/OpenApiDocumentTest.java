package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ErrorCode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped OpenAPI document is well-formed, self-contained, and names exactly the error codes the API answers. */
class OpenApiDocumentTest {

    /** Codes no HTTP answer carries: {@code role_not_found} comes from {@code RoleService}, which is Java only. */
    private static final Set<ErrorCode> NOT_HTTP = Set.of(ErrorCode.ROLE_NOT_FOUND);

    private static final JsonObject DOC = OpenApiContract.forPrefix("/auth").document();

    private static String text() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesAsOpenApi31WithNoMessages() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), null, options);
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertEquals(DOC.getJsonObject("paths").size(), result.getOpenAPI().getPaths().size());
    }

    @Test
    void everyRefResolvesInsideTheDocument() {
        List<String> refs = new ArrayList<>();
        collectRefs(DOC, refs);
        assertTrue(refs.size() > 100, "refs: " + refs.size());
        for (String ref : refs) {
            assertTrue(ref.startsWith("#/"), ref);
            assertTrue(Json.createPointer(ref.substring(1)).containsValue(DOC), "dangling " + ref);
        }
    }

    @Test
    void theErrorCodesAreExactlyTheOnesTheApiCanAnswer() {
        Set<String> documented = new TreeSet<>(strings(DOC.getValue("/components/schemas/Error/properties/code/enum")));
        Set<String> answered = Arrays.stream(ErrorCode.values()).filter(c -> !NOT_HTTP.contains(c)).map(ErrorCode::wire)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(answered, documented);
        Set<String> usedByResponses = new TreeSet<>();
        for (var e : DOC.getJsonObject("components").getJsonObject("responses").entrySet()) {
            usedByResponses.addAll(codes(e.getValue().asJsonObject()));
            if (e.getValue().asJsonObject().containsKey("x-error-codes")) { // a page (the OpenID Connect callback's refusals)
                usedByResponses.addAll(strings(e.getValue().asJsonObject().get("x-error-codes")));
            }
        }
        assertEquals(answered, usedByResponses, "every code belongs to some error response");
    }

    /** A response listed under status 401 may only carry codes whose status is 401, and so on. */
    @Test
    void everyErrorResponseCarriesOnlyCodesOfItsStatus() {
        int checked = 0;
        for (var path : DOC.getJsonObject("paths").entrySet()) {
            for (var op : path.getValue().asJsonObject().entrySet()) {
                for (var r : op.getValue().asJsonObject().getJsonObject("responses").entrySet()) {
                    for (String code : codes(r.getValue().asJsonObject())) {
                        assertEquals(r.getKey(), Integer.toString(byWire(code).httpStatus()),
                                op.getKey() + " " + path.getKey() + " " + r.getKey() + " lists " + code);
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 50, "checked " + checked);
        assertEquals(Set.of("method_not_allowed"), codes(DOC.getValue("/components/responses/MethodNotAllowed").asJsonObject()));
    }

    private static Set<String> codes(JsonObject response) {
        if (response.containsKey("$ref")) {
            response = Json.createPointer(response.getString("$ref").substring(1)).getValue(DOC).asJsonObject();
        }
        JsonValue v = response;
        for (String step : List.of("content", "application/json", "schema", "allOf", "1", "properties", "code", "enum")) {
            if (v instanceof JsonObject o && o.containsKey(step)) {
                v = o.get(step);
            } else if (v.getValueType() == JsonValue.ValueType.ARRAY && step.equals("1") && v.asJsonArray().size() > 1) {
                v = v.asJsonArray().get(1);
            } else {
                return Set.of();
            }
        }
        return new TreeSet<>(strings(v));
    }

    private static ErrorCode byWire(String wire) {
        return Arrays.stream(ErrorCode.values()).filter(c -> c.wire().equals(wire)).findFirst()
                .orElseThrow(() -> new AssertionError("not an ErrorCode: " + wire));
    }

    private static List<String> strings(JsonValue array) {
        return array.asJsonArray().stream().map(v -> ((JsonString) v).getString()).toList();
    }

    private static void collectRefs(JsonValue v, List<String> out) {
        if (v instanceof JsonObject o) {
            o.forEach((k, child) -> {
                if (k.equals("$ref") && child instanceof JsonString s) {
                    out.add(s.getString());
                } else {
                    collectRefs(child, out);
                }
            });
        } else if (v.getValueType() == JsonValue.ValueType.ARRAY) {
            v.asJsonArray().forEach(child -> collectRefs(child, out));
        }
    }
}
