package dev.gatehouse.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin check for state-changing requests, whether or not they carry a cookie (a
 * cross-site form posting to the sign-in endpoint is login CSRF). {@code Sec-Fetch-Site} decides
 * when present: {@code same-origin} and {@code none} pass; {@code same-site} and
 * {@code cross-site} pass only from a {@linkplain dev.gatehouse.config.HttpSettings#trustedOrigins trusted
 * origin} (a sibling subdomain is another origin). Without it, {@code Origin} must be this
 * application's own origin (the request's scheme and {@code Host}, or {@code publicBaseUrl}) or
 * a trusted one; {@code Origin: null} is refused. Requests with neither header pass: they do not
 * come from a browser page (non-browser clients, and browsers send {@code Origin} on every
 * cross-origin POST).
 */
public final class Csrf {

    private final Set<String> trusted;
    private final String publicOrigin;

    /**
     * @param trustedOrigins other origins allowed to send state-changing requests
     * @param publicBaseUrl  the application's public URL, or null
     */
    public Csrf(Set<String> trustedOrigins, String publicBaseUrl) {
        this.trusted = trustedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.publicOrigin = publicBaseUrl == null ? null : origin(URI.create(publicBaseUrl));
    }

    public static boolean isSafeMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }

    /** True when the request changes state and comes from another origin's page. */
    public boolean refuses(HttpServletRequest request) {
        return !isSafeMethod(request.getMethod()) && isCrossOrigin(request);
    }

    private boolean isCrossOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String s = site.strip().toLowerCase(Locale.ROOT);
            if (s.equals("same-origin") || s.equals("none")) {
                return false;
            }
            return !isTrusted(origin);
        }
        if (origin == null) {
            return false;
        }
        return !(isTrusted(origin) || isOwn(origin, request));
    }

    private boolean isTrusted(String origin) {
        return origin != null && trusted.contains(origin.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The origin is {@code publicBaseUrl}'s, or names the host the request was sent to. The scheme
     * is not compared with the request's: behind a TLS-terminating proxy the application sees http.
     */
    private boolean isOwn(String origin, HttpServletRequest request) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null) {
            return false; // "null", or not an origin at all
        }
        if (origin(uri).equals(publicOrigin)) {
            return true;
        }
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String originHost = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() < 0 ? defaultPort(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT)) : uri.getPort();
        return h.equals(originHost + ":" + port) || (uri.getPort() < 0 && h.equals(originHost));
    }

    /** scheme://host[:port], lower case, without a default port. */
    private static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        return scheme + "://" + host + (port < 0 || port == defaultPort(scheme) ? "" : ":" + port);
    }

    private static int defaultPort(String scheme) {
        return "https".equals(scheme) ? 443 : 80;
    }
}
