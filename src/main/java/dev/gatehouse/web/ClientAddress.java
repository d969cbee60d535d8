package dev.gatehouse.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as Gatehouse's own rate limits and audit lines see it: the socket peer,
 * unless the peer is one of {@code trustedProxies}, then the right-most {@code X-Forwarded-For}
 * hop that is not a trusted proxy. Pass it to the services ({@code signIn(…, ip, …)}) so an
 * application's own forms share the limits of the JSON API.
 */
public final class ClientAddress {

    /** Request attribute where Gatehouse keeps the address it resolved for the request. */
    public static final String ATTRIBUTE = "dev.gatehouse.clientAddress";

    private ClientAddress() {
    }

    /**
     * The address Gatehouse resolved for this request, or the socket peer when Gatehouse has not
     * seen the request (its filter is not mapped there).
     */
    public static String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String a ? a : request.getRemoteAddr();
    }
}
