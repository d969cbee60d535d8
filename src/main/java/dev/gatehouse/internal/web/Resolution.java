package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;

/**
 * What authentication found for one request.
 *
 * @param caller         the caller, or null for anonymous
 * @param cookieValue    the presented session cookie value when it resolved (for sign-out), else null
 * @param rejectedBearer an {@code Authorization: Bearer} credential was presented and refused
 * @param csrfBlocked    a state-changing request from another origin's page: its cookie was not used, and only
 *                       an API-token caller may go on
 */
public record Resolution(Caller caller, String cookieValue, boolean rejectedBearer, boolean csrfBlocked) {

    public static final Resolution ANONYMOUS = new Resolution(null, null, false, false);

    public boolean authenticated() {
        return caller != null;
    }
}
