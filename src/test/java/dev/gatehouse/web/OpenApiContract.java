package dev.gatehouse.web;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The shipped OpenAPI document ({@code dev/gatehouse/openapi.json}) as a check of real HTTP
 * exchanges: {@link Http#send} runs every call through {@link #check}, so a suite that makes a call
 * the document does not describe fails at that call.
 *
 * <p>The rules, for a call to {@code {prefix}/…}:
 * <ol>
 * <li>A path that matches no path of the document (a literal path before a {@code {id}} one) is not
 * the API's (it falls through to the application): not checked. Calls outside the prefix are not
 * checked either.</li>
 * <li>A 404 or 405 answer that is not JSON came from the application, not the API (the settings
 * removed the row, e.g. {@code /login} with {@code enableCredentialsApi=false}, or the API has
 * another prefix): not checked. Every other answer must be {@code application/json}.</li>
 * <li>A method the path does not list must be answered like the {@code MethodNotAllowed} response,
 * with {@code Allow} naming exactly the path's methods.</li>
 * <li>Otherwise the status must be one of the operation's responses; the body is validated against
 * that response's schema (JSON Schema 2020-12, OpenAPI 3.1 dialect), every required header of the
 * response must be present, and every documented header that is present must match its schema.</li>
 * <li>A JSON object request body is validated against the operation's request schema unless the
 * server refused the body itself (400 {@code invalid_request}, 413, 415): hostile and malformed
 * bodies are sent on purpose, and the document need not describe them. A success answer to a request
 * without a body the operation requires is a violation.</li>
 * </ol>
 * A violation is an {@link AssertionError} naming the operation, the status and the schema errors.
 */
public final class OpenApiContract {

    static final String RESOURCE = "dev/gatehouse/openapi.json";
    private static final String DOCUMENT = "classpath:" + RESOURCE;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Map<String, OpenApiContract> BY_PREFIX = new ConcurrentHashMap<>();

    /** One HTTP exchange, as the client saw it. @param path the raw path, without the query */
    public record Exchange(String method, String path, String requestContentType, String requestBody, int status,
                           Map<String, List<String>> headers, String responseBody) {

        public Exchange {
            headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                    e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
        }

        Optional<String> header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()).stream().findFirst();
        }
    }

    private final String prefix;
    private final JsonObject document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    private OpenApiContract(String prefix) {
        this.prefix = prefix;
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            this.document = Json.createReader(in).readObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The contract of an API served under {@code prefix} (e.g. {@code /auth}). */
    public static OpenApiContract forPrefix(String prefix) {
        return BY_PREFIX.computeIfAbsent(prefix, OpenApiContract::new);
    }

    /** The API prefix this contract checks calls under. */
    public String prefix() {
        return prefix;
    }

    /** The document, as shipped. */
    public JsonObject document() {
        return document;
    }

    /** @throws AssertionError when the exchange breaks the contract (see the class comment) */
    public void check(Exchange x) {
        if (!x.path().startsWith(prefix + "/")) {
            return;
        }
        String route = x.path().substring(prefix.length());
        String template = template(route);
        if (template == null) {
            return;
        }
        boolean json = x.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).startsWith("application/json"))
                .orElse(false);
        if (!json && (x.status() == 404 || x.status() == 405)) {
            return;
        }
        JsonObject item = document.getJsonObject("paths").getJsonObject(template);
        String method = x.method().toLowerCase(Locale.ROOT);
        String name = x.method() + " " + template;
        List<String> problems = new ArrayList<>();
        if (!json && !documentedWithoutJson(template, item, method, x.status())) {
            problems.add("the answer is not application/json: " + x.header("Content-Type").orElse("no Content-Type"));
        }
        if (!item.containsKey(method)) {
            checkMethodNotAllowed(x, item, problems);
        } else {
            checkOperation(x, pointer("paths", template, method), item.getJsonObject(method), problems);
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("OpenAPI contract: " + name + " answered " + x.status() + ": "
                    + String.join("; ", problems) + "\n  response body: " + abbreviate(x.responseBody()));
        }
    }

    /**
     * Whether the operation documents this status as something other than JSON: a redirect without a body, or a
     * page ({@code text/html}), as the browser-navigation rows of the OpenID Connect sign-in answer.
     */
    private boolean documentedWithoutJson(String template, JsonObject item, String method, int status) {
        JsonObject operation = item.getJsonObject(method);
        if (operation == null || !operation.getJsonObject("responses").containsKey(Integer.toString(status))) {
            return false;
        }
        JsonObject response = resolve(pointer("paths", template, method, "responses", Integer.toString(status)));
        if (response.containsKey("$ref")) {
            response = resolve(response.getString("$ref").substring(1));
        }
        return !response.containsKey("content") || !response.getJsonObject("content").containsKey("application/json");
    }

    private void checkMethodNotAllowed(Exchange x, JsonObject item, List<String> problems) {
        Set<String> listed = item.keySet().stream().filter(METHODS::contains).map(m -> m.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        if (x.status() != 405) {
            problems.add("a method the path does not list (it lists " + listed + ") must be answered 405");
            return;
        }
        Set<String> allow = x.header("Allow").map(a -> Set.of(a.split(",\\s*"))).map(TreeSet::new).orElse(new TreeSet<>());
        if (!allow.equals(listed)) {
            problems.add("Allow is " + allow + ", the document lists " + listed);
        }
        checkResponse(x, pointer("components", "responses", "MethodNotAllowed"), problems);
    }

    private void checkOperation(Exchange x, String at, JsonObject operation, List<String> problems) {
        JsonObject responses = operation.getJsonObject("responses");
        String status = Integer.toString(x.status());
        if (!responses.containsKey(status)) {
            problems.add("status " + status + " is not documented (documented: " + responses.keySet() + ")");
        } else {
            checkResponse(x, at + "/responses/" + status, problems);
        }
        checkRequest(x, at, operation, problems);
    }

    private void checkResponse(Exchange x, String at, List<String> problems) {
        JsonObject response = resolve(at);
        String where = response.containsKey("$ref") ? response.getString("$ref").substring(1) : at;
        response = resolve(where);
        if (response.containsKey("content") && response.getJsonObject("content").containsKey("application/json")) {
            validate(where + "/content/application~1json/schema", x.responseBody(), "response body", problems);
        } else if (response.containsKey("content")) {
            String type = response.getJsonObject("content").keySet().iterator().next();
            if (!x.header("Content-Type").map(t -> t.toLowerCase(Locale.ROOT).startsWith(type)).orElse(false)) {
                problems.add("the answer is not " + type + ": " + x.header("Content-Type").orElse("no Content-Type"));
            }
        }
        JsonObject headers = response.getJsonObject("headers");
        if (headers == null) {
            return;
        }
        for (String name : headers.keySet()) {
            String h = where + "/headers/" + escape(name);
            JsonObject header = resolve(h);
            if (header.containsKey("$ref")) {
                h = header.getString("$ref").substring(1);
                header = resolve(h);
            }
            List<String> values = x.headers().getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
            if (values.isEmpty() && header.getBoolean("required", false)) {
                problems.add("required header " + name + " is missing");
            }
            for (String v : values) {
                validate(h + "/schema", Json.createValue(v).toString(), "header " + name, problems);
            }
        }
    }

    private void checkRequest(Exchange x, String at, JsonObject operation, List<String> problems) {
        JsonObject body = operation.getJsonObject("requestBody");
        if (body == null) {
            return;
        }
        boolean sentJson = x.requestBody() != null && !x.requestBody().isEmpty() && x.requestContentType() != null
                && x.requestContentType().toLowerCase(Locale.ROOT).startsWith("application/json");
        if (!sentJson) {
            if (body.getBoolean("required", false) && x.status() < 300) {
                problems.add("a success without the request body the operation requires");
            }
            return;
        }
        if (refusedBody(x) || !isObject(x.requestBody())) {
            return;
        }
        validate(at + "/requestBody/content/application~1json/schema", x.requestBody(), "request body", problems);
    }

    private static boolean refusedBody(Exchange x) {
        if (x.status() == 413 || x.status() == 415) {
            return true;
        }
        return x.status() == 400 && x.responseBody() != null && x.responseBody().contains("\"code\":\"invalid_request\"");
    }

    private static boolean isObject(String text) {
        try {
            return Json.createReader(new StringReader(text)).readValue().getValueType() == JsonValue.ValueType.OBJECT;
        } catch (JsonParsingException | IllegalStateException | NumberFormatException e) {
            return false;
        } catch (jakarta.json.JsonException e) {
            return false;
        }
    }

    private void validate(String at, String json, String what, List<String> problems) {
        if (json == null || json.isEmpty()) {
            problems.add(what + " is empty; the document gives it a schema (" + at + ")");
            return;
        }
        Schema schema = schemas.computeIfAbsent(at, p -> registry.getSchema(SchemaLocation.of(DOCUMENT + "#" + p)));
        List<Error> errors;
        try {
            errors = schema.validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            problems.add(what + " is not JSON: " + e.getMessage());
            return;
        }
        if (!errors.isEmpty()) {
            problems.add(what + " breaks " + at + ": " + errors.stream().map(Error::toString).collect(Collectors.joining(", ")));
        }
    }

    /** The document's path for {@code route}: a literal one first, then one whose {@code {…}} segment matches. */
    String template(String route) {
        JsonObject paths = document.getJsonObject("paths");
        if (paths.containsKey(route)) {
            return route;
        }
        for (String p : paths.keySet()) {
            if (p.contains("{") && route.matches(toRegex(p))) {
                return p;
            }
        }
        return null;
    }

    private static String toRegex(String template) {
        StringBuilder re = new StringBuilder();
        for (String part : template.split("\\{[^}]*}", -1)) {
            if (re.length() > 0) {
                re.append("[^/]*");
            }
            re.append(java.util.regex.Pattern.quote(part));
        }
        return re.toString();
    }

    private JsonObject resolve(String pointer) {
        return Json.createPointer(pointer).getValue(document).asJsonObject();
    }

    private static String pointer(String... tokens) {
        StringBuilder p = new StringBuilder();
        for (String t : tokens) {
            p.append('/').append(escape(t));
        }
        return p.toString();
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String s) {
        return s == null ? "(none)" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
