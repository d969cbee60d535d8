package dev.gatehouse.internal.web.api;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.web.Refusal;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * A refusal of the HTTP layer itself (a body it cannot read, a method or route it does not serve,
 * a missing session), with the headers it carries, answered as {@code {"ok":false,"error":…,"code":…}}.
 */
final class ApiError extends AuthException {

    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    final Map<String, String> headers;

    ApiError(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    ApiError(ErrorCode code, String message, Map<String, String> headers) {
        super(code, message);
        this.headers = Map.copyOf(headers);
    }

    static ApiError badRequest(String message) {
        return new ApiError(ErrorCode.INVALID_REQUEST, message);
    }

    static ApiError methodNotAllowed(String allow) {
        return new ApiError(ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed", Map.of("Allow", allow));
    }

    /**
     * The answer to whatever a route threw: an {@link AuthException} or a
     * {@link GatehouseUnavailableException} by its code; anything else (an
     * {@link IllegalArgumentException} included) is a fault of Gatehouse's, logged and answered 500
     * {@code internal_error} without its message, which may name internals.
     *
     * @param what the method and route, for the log
     */
    static Refusal refusal(RuntimeException e, String what) {
        if (e instanceof ApiError a) {
            Refusal r = Refusal.of(a);
            for (Map.Entry<String, String> h : a.headers.entrySet()) {
                r = r.withHeader(h.getKey(), h.getValue());
            }
            return r;
        }
        if (e instanceof AuthException a) {
            return Refusal.of(a);
        }
        if (e instanceof GatehouseUnavailableException u) {
            return Refusal.of(u);
        }
        LOG.log(Level.ERROR, "Gatehouse API " + what + " failed", e);
        return Refusal.internal();
    }

    /** Refusals of access (no caller, no permission, cross-site) go to the audit log. */
    static boolean audited(Refusal r) {
        return r.code() == ErrorCode.AUTH_REQUIRED || r.code() == ErrorCode.PERMISSION_DENIED || r.code() == ErrorCode.CSRF;
    }
}
