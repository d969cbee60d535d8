package dev.gatehouse.internal.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One refusal, before it is written: its code (which gives the status), the message shown to the
 * client, and the headers it carries. {@link Refusals} writes it.
 *
 * @param retryAfterSeconds for {@code Retry-After}, 0 for none
 * @param challenge         the {@code WWW-Authenticate} value of a 401, or null
 * @param extraHeaders      further headers ({@code Allow}, {@code Connection})
 * @param methods           for {@code mfa_required} and {@code reauth_required}: the factors that may answer it
 *                          (the body's {@code methods}); else empty
 */
public record Refusal(ErrorCode code, String message, long retryAfterSeconds, String challenge,
                      Map<String, String> extraHeaders, List<String> methods) {

    /** The message of every fault of Gatehouse's own: the details are only logged. */
    public static final String INTERNAL_MESSAGE = "Something went wrong. Try again later.";

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        extraHeaders = Map.copyOf(extraHeaders);
        methods = methods == null ? List.of() : List.copyOf(methods);
    }

    public Refusal(ErrorCode code, String message, long retryAfterSeconds, String challenge,
                   Map<String, String> extraHeaders) {
        this(code, message, retryAfterSeconds, challenge, extraHeaders, List.of());
    }

    /** The same refusal naming the factors that may answer it. */
    public Refusal withMethods(List<String> factors) {
        return new Refusal(code, message, retryAfterSeconds, challenge, extraHeaders, factors);
    }

    public static Refusal of(ErrorCode code, String message) {
        return new Refusal(code, message, 0, null, Map.of());
    }

    /** Its code and message; a rate limit's retry delay. */
    public static Refusal of(AuthException e) {
        return new Refusal(e.code(), e.getMessage(), e instanceof RateLimitedException r ? r.retryAfterSeconds() : 0,
                null, Map.of(), e instanceof AccessDeniedException a ? a.methods() : List.of());
    }

    /** 503 (its code) with its retry delay. */
    public static Refusal of(GatehouseUnavailableException e) {
        return new Refusal(e.code(), e.getMessage(), e.retryAfterSeconds(), null, Map.of());
    }

    /** A fault: 500 {@code internal_error}, nothing of the cause shown. */
    public static Refusal internal() {
        return of(ErrorCode.INTERNAL_ERROR, INTERNAL_MESSAGE);
    }

    /**
     * The {@code WWW-Authenticate} challenge of a 401 (no effect on other statuses): an invalid-token
     * error when the request's bearer credential was refused, else a plain Bearer challenge.
     */
    public Refusal challenging(boolean rejectedBearer) {
        return new Refusal(code, message, retryAfterSeconds, challengeFor(code, rejectedBearer), extraHeaders, methods);
    }

    static String challengeFor(ErrorCode code, boolean rejectedBearer) {
        if (code.httpStatus() != 401) {
            return null;
        }
        return rejectedBearer ? "Bearer error=\"invalid_token\"" : "Bearer realm=\"gatehouse\"";
    }

    public Refusal withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(extraHeaders);
        h.put(name, value);
        return new Refusal(code, message, retryAfterSeconds, challenge, h, methods);
    }

    public int status() {
        return code.httpStatus();
    }

    /** Every header of the answer but its content type and length. */
    public Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Cache-Control", "no-store");
        h.put("X-Content-Type-Options", "nosniff");
        if (retryAfterSeconds > 0 && (code == ErrorCode.RATE_LIMITED || code.httpStatus() == 503)) {
            h.put("Retry-After", Long.toString(retryAfterSeconds));
        }
        if (challenge != null) {
            h.put("WWW-Authenticate", challenge);
        }
        h.putAll(extraHeaders);
        return h;
    }
}
