package dev.gatehouse.example;

import dev.gatehouse.web.OpenApiContract;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP client for black-box tests of the example: JSON in, status and body out, redirects
 * not followed. Every exchange under {@code /auth/} is checked against Gatehouse's OpenAPI document
 * ({@link OpenApiContract}), on every server the suites run against.
 */
final class Web {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static final OpenApiContract CONTRACT = OpenApiContract.forPrefix("/auth");

    private Web() {
    }

    record Res(int status, String body, HttpResponse<String> raw) {
        /** The session cookie the response sets ("" when it clears it), or null when it sets none. */
        String cookie() {
            for (String h : raw.headers().allValues("Set-Cookie")) {
                Matcher m = Pattern.compile("^(?:__Host-)?gatehouse_session=([^;]*)").matcher(h);
                if (m.find()) {
                    return m.group(1);
                }
            }
            return null;
        }

        /** The value a {@code Set-Cookie} of this response gives the cookie {@code name} ("" when it deletes it), or null. */
        String cookie(String name) {
            for (String h : raw.headers().allValues("Set-Cookie")) {
                if (h.startsWith(name + "=")) {
                    return h.substring(name.length() + 1).split(";", 2)[0];
                }
            }
            return null;
        }

        /** The {@code Location} header, or null. */
        String location() {
            return raw.headers().firstValue("Location").orElse(null);
        }

        String json(String field) {
            Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** Sends a request; {@code headers} are name/value pairs. */
    static Res send(String base, Duration timeout, String method, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        HttpRequest request = b.build();
        HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        CONTRACT.check(new OpenApiContract.Exchange(method, request.uri().getRawPath(),
                request.headers().firstValue("Content-Type").orElse(null), json, r.statusCode(), r.headers().map(), r.body()));
        return new Res(r.statusCode(), r.body(), r);
    }

    /** The CSRF pair an example page hands out: its cookie ("name=value") and the hidden form field's value. */
    record Csrf(String cookie, String field) {
    }

    /** Opens a page the way a browser does and keeps the CSRF cookie and hidden field its forms carry. */
    static Csrf csrf(String base, Duration timeout, String path) throws IOException, InterruptedException {
        Res page = send(base, timeout, "GET", path, null);
        String cookie = null;
        for (String h : page.raw().headers().allValues("Set-Cookie")) {
            Matcher m = Pattern.compile("^((?:__Host-)?gatehouse_csrf=[^;]*)").matcher(h);
            if (m.find()) {
                cookie = m.group(1);
            }
        }
        Matcher field = Pattern.compile("name='csrf' value='([^']*)'").matcher(page.body());
        // none at all is left to the tests that demand one, so every other test still tests its own subject
        return field.find() ? new Csrf(cookie, field.group(1)) : new Csrf(null, null);
    }

    /**
     * Posts an HTML form as a browser would (application/x-www-form-urlencoded), with the CSRF
     * pair when given. {@code session} is the session cookie's value or null; {@code fields} and
     * {@code headers} are name/value pairs.
     */
    static Res form(String base, Duration timeout, String path, Csrf csrf, String session, String[] fields,
                    String... headers) throws IOException, InterruptedException {
        return formWithCookies(base, timeout, path, csrf, session == null ? List.of() : List.of("gatehouse_session=" + session),
                fields, headers);
    }

    /** {@link #form} with any cookies ("name=value") besides the CSRF one. */
    static Res formWithCookies(String base, Duration timeout, String path, Csrf csrf, List<String> extraCookies,
                               String[] fields, String... headers) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        java.util.List<String> pairs = new java.util.ArrayList<>(java.util.List.of(fields));
        if (csrf != null && csrf.field() != null) {
            pairs.add("csrf");
            pairs.add(csrf.field());
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            body.append(body.length() == 0 ? "" : "&").append(enc(pairs.get(i))).append('=').append(enc(pairs.get(i + 1)));
        }
        java.util.List<String> cookies = new java.util.ArrayList<>();
        if (csrf != null && csrf.cookie() != null) {
            cookies.add(csrf.cookie());
        }
        cookies.addAll(extraCookies);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (!cookies.isEmpty()) {
            b.header("Cookie", String.join("; ", cookies));
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
