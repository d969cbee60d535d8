package dev.gatehouse.internal.web.api;

import java.util.Map;

/** An HTTP error answered as {@code {"ok":false,"error":…,"code":…}}. */
final class ApiError extends RuntimeException {

    final int status;
    final String code;
    final Map<String, String> headers;

    ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiError(int status, String code, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.headers = headers;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request", message);
    }

    static ApiError methodNotAllowed(String allow) {
        return new ApiError(405, "method_not_allowed", "Method not allowed", Map.of("Allow", allow));
    }
}
