package dev.gatehouse.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request check for cookie-authenticated, state-changing requests: refused when
 * {@code Sec-Fetch-Site} says cross-site or, without that header, when {@code Origin} names
 * another host. Requests with neither header pass (non-browser clients).
 */
public final class Csrf {

    private Csrf() {
    }

    public static boolean isSafeMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE");
    }

    public static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.strip().equalsIgnoreCase("cross-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        if (host == null || origin.equals("null")) {
            return true;
        }
        try {
            URI o = URI.create(origin.strip());
            String originHost = o.getHost() == null ? "" : o.getHost().toLowerCase(Locale.ROOT);
            String authority = o.getPort() < 0 ? originHost : originHost + ":" + o.getPort();
            String h = host.strip().toLowerCase(Locale.ROOT);
            return !(authority.equals(h) || (o.getPort() < 0 && defaultPortMatches(o.getScheme(), originHost, h)));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private static boolean defaultPortMatches(String scheme, String originHost, String host) {
        return host.equals(originHost + ("https".equalsIgnoreCase(scheme) ? ":443" : ":80"));
    }
}
