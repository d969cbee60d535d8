package dev.gatehouse.testing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A minimal {@link HttpServletRequest} for fuzzing parsers without a container: headers, cookies,
 * a body and attributes; every other method answers null, 0 or false.
 */
public final class FakeRequest {

    private FakeRequest() {
    }

    public static HttpServletRequest of(String method, Map<String, String> headers, Cookie[] cookies, byte[] body) {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, String> lower = new HashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        ByteArrayInputStream in = new ByteArrayInputStream(body == null ? new byte[0] : body);
        ServletInputStream stream = new ServletInputStream() {
            @Override public int read() { return in.read(); }
            @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener l) { throw new UnsupportedOperationException(); }
        };
        return (HttpServletRequest) Proxy.newProxyInstance(FakeRequest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> lower.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                    case "getHeaders" -> {
                        String v = lower.get(((String) args[0]).toLowerCase(java.util.Locale.ROOT));
                        yield Collections.enumeration(v == null ? java.util.List.of() : java.util.List.of(v));
                    }
                    case "getContentType" -> lower.get("content-type");
                    case "getContentLengthLong" -> body == null ? -1L : (long) body.length;
                    case "getContentLength" -> body == null ? -1 : body.length;
                    case "getInputStream" -> stream;
                    case "getCookies" -> cookies;
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "removeAttribute" -> attributes.remove((String) args[0]);
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getRequestURI" -> "/";
                    case "getContextPath", "getServletPath" -> "";
                    case "isSecure" -> false;
                    case "getScheme" -> "http";
                    case "toString" -> "FakeRequest";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> m.getReturnType() == boolean.class ? false
                            : m.getReturnType() == int.class ? 0 : m.getReturnType() == long.class ? 0L : null;
                });
    }
}
