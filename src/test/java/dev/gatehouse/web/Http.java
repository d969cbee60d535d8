package dev.gatehouse.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A bare HTTP client: no cookie jar, so tests see and send every cookie by hand. Every call under
 * the API's prefix is checked against the OpenAPI document ({@link OpenApiContract}): a call that
 * breaks it fails with an {@link AssertionError}.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final URI base;
    private final OpenApiContract contract;
    private final HttpClient client;

    /** A client of a server whose API is under the default prefix, {@code /auth}. */
    public Http(URI base) {
        this(base, "/auth");
    }

    /** @param apiPrefix the server's {@code authPathPrefix}: calls under it are checked against the contract */
    public Http(URI base, String apiPrefix) {
        this(base, apiPrefix, CLIENT);
    }

    private Http(URI base, String apiPrefix, HttpClient client) {
        this.base = base;
        this.contract = OpenApiContract.forPrefix(apiPrefix);
        this.client = client;
    }

    /**
     * The same client on connections of its own, for a request that may end its connection abruptly
     * (a body the server stops reading): the shared pool never holds a connection it broke.
     */
    public Http isolated() {
        return new Http(base, contract.prefix(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    public record Res(int status, HttpResponse<String> raw) {
        public String body() {
            return raw.body();
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(raw.body())).readObject();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public List<String> headers(String name) {
            return raw.headers().allValues(name);
        }

        /** The value the session cookie was set to (parsed by hand from Set-Cookie), if any. */
        public Optional<String> cookie(String name) {
            for (String h : headers("Set-Cookie")) {
                if (h.startsWith(name + "=")) {
                    return Optional.of(h.substring(name.length() + 1, h.indexOf(';')));
                }
            }
            return Optional.empty();
        }

        public String setCookie(String name) {
            return headers("Set-Cookie").stream().filter(h -> h.startsWith(name + "=")).findFirst().orElseThrow();
        }
    }

    public Res send(String method, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpRequest request = b.build();
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        contract.check(new OpenApiContract.Exchange(method, request.uri().getRawPath(),
                request.headers().firstValue("Content-Type").orElse(null), json, r.statusCode(), r.headers().map(), r.body()));
        return new Res(r.statusCode(), r);
    }

    public Res get(String path, String... headers) throws Exception {
        return send("GET", path, null, headers);
    }

    public Res post(String path, String json, String... headers) throws Exception {
        return send("POST", path, json, headers);
    }
}
