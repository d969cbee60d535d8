package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.session.SessionCookie;

/**
 * What authentication found for one request.
 *
 * @param caller         the caller, or null for anonymous
 * @param cookieValue    the presented session cookie value when it resolved (for sign-out), else null
 * @param rejectedBearer an {@code Authorization: Bearer} credential was presented and refused
 * @param csrfBlocked    a state-changing request from another origin's page: its cookie was not used, and only
 *                       an API-token caller may go on
 * @param renewal        the session cookie to send again because its sliding expiry moved, else null;
 *                       {@link CallerResolver#renew} sends it once
 */
public record Resolution(Caller caller, String cookieValue, boolean rejectedBearer, boolean csrfBlocked,
                         SessionCookie renewal) {

    public static final Resolution ANONYMOUS = new Resolution(null, null, false, false, null);

    public boolean authenticated() {
        return caller != null;
    }

    Resolution crossOrigin(boolean blocked) {
        return blocked == csrfBlocked ? this : new Resolution(caller, cookieValue, rejectedBearer, blocked, renewal);
    }

    Resolution withoutRenewal() {
        return renewal == null ? this : new Resolution(caller, cookieValue, rejectedBearer, csrfBlocked, null);
    }
}
