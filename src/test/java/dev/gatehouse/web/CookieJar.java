package dev.gatehouse.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser's cookie store for one host, kept by hand: every {@code Set-Cookie} of an answer is
 * parsed here (independently of Gatehouse), a {@code Max-Age=0} or an empty value deletes, and the
 * next request sends what is left.
 */
final class CookieJar {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** Takes the answer's cookies and returns the answer. */
    Http.Res take(Http.Res r) {
        for (String header : r.headers("Set-Cookie")) {
            String pair = header.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || header.contains("Max-Age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    /** The value of a cookie, or null. */
    String get(String name) {
        return cookies.get(name);
    }

    boolean has(String name) {
        return cookies.containsKey(name);
    }

    /** Drops a cookie, as a browser does when it expires. */
    void drop(String name) {
        cookies.remove(name);
    }

    /** A request through the jar: its cookies and these further headers go, the answer's cookies come back. */
    Http.Res send(Http http, String method, String path, String json, String... headers) throws Exception {
        String[] all = headers;
        if (!cookies.isEmpty()) {
            all = new String[headers.length + 2];
            all[0] = "Cookie";
            all[1] = cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
            System.arraycopy(headers, 0, all, 2, headers.length);
        }
        return take(http.send(method, path, json, all));
    }

    Http.Res get(Http http, String path, String... headers) throws Exception {
        return send(http, "GET", path, null, headers);
    }

    Http.Res post(Http http, String path, String json, String... headers) throws Exception {
        return send(http, "POST", path, json, headers);
    }

    /** The {@code Max-Age} of a {@code Set-Cookie} header, or null without one. */
    static Duration maxAge(String setCookie) {
        for (String attribute : setCookie.split(";")) {
            String a = attribute.trim();
            if (a.regionMatches(true, 0, "Max-Age=", 0, 8)) {
                return Duration.ofSeconds(Long.parseLong(a.substring(8)));
            }
        }
        return null;
    }
}
