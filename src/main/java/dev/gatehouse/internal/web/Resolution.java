package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import dev.gatehouse.session.ResolvedSession;
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
 * @param restricted     a session that may only enrol a second factor its user's roles require: the caller
 *                       is then null (anonymous to every guard) and only the enrolment rows of the JSON API
 *                       use it; else null
 */
public record Resolution(Caller caller, String cookieValue, boolean rejectedBearer, boolean csrfBlocked,
                         SessionCookie renewal, ResolvedSession restricted) {

    public static final Resolution ANONYMOUS = new Resolution(null, null, false, false, null, null);

    public Resolution(Caller caller, String cookieValue, boolean rejectedBearer, boolean csrfBlocked, SessionCookie renewal) {
        this(caller, cookieValue, rejectedBearer, csrfBlocked, renewal, null);
    }

    public boolean authenticated() {
        return caller != null;
    }

    Resolution crossOrigin(boolean blocked) {
        return blocked == csrfBlocked ? this : new Resolution(caller, cookieValue, rejectedBearer, blocked, renewal, restricted);
    }

    Resolution withoutRenewal() {
        return renewal == null ? this : new Resolution(caller, cookieValue, rejectedBearer, csrfBlocked, null, restricted);
    }
}
