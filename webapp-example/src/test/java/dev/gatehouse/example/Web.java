package dev.gatehouse.example;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A small HTTP client for black-box tests of the example: JSON in, status and body out, redirects not followed. */
final class Web {

    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

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
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Res(r.statusCode(), r.body(), r);
    }

    static String credentials(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }
}
