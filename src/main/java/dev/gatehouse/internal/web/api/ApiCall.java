package dev.gatehouse.internal.web.api;

import dev.gatehouse.internal.web.ClientIp;
import dev.gatehouse.internal.web.Resolution;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * One API request as a handler sees it: the exchange, who is calling, the path's {@code {id}}
 * (null when the route has none), and the request's parsing helpers.
 */
record ApiCall(HttpServletRequest req, HttpServletResponse res, Resolution who, String id, int maxBodyBytes,
               ClientIp clientIp) {

    /** A handler of one row of the route table. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiCall call) throws IOException;
    }

    ApiCall withId(String pathId) {
        return new ApiCall(req, res, who, pathId, maxBodyBytes, clientIp);
    }

    /** The body as a JSON object. @throws ApiError 413, 415 or 400 */
    JsonObject body() throws IOException {
        return JsonBodies.readObject(req, maxBodyBytes);
    }

    String ip() {
        return clientIp.of(req);
    }

    String userAgent() {
        return req.getHeader("User-Agent");
    }

    /** The value of the request's cookie of that name, or null. */
    String cookie(String name) {
        jakarta.servlet.http.Cookie[] cookies = req.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie k : cookies) {
                if (name.equals(k.getName())) {
                    return k.getValue();
                }
            }
        }
        return null;
    }
}
