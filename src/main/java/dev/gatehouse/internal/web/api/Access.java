package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.internal.session.RecentAuth;
import dev.gatehouse.internal.web.Resolution;

/** The API's caller checks: a cross-site request and a missing or non-session credential are refused. */
final class Access {

    private Access() {
    }

    /**
     * The caller of a "session" row: 401 when anonymous, 403 for an API token or a cross-site request,
     * 403 {@code mfa_enrolment_required} for a session that may only enrol a second factor.
     */
    static Caller sessionCaller(Resolution who) {
        refuseCsrf(who);
        if (who.restricted() != null) {
            throw AccessDeniedException.enrolmentRequired();
        }
        if (!who.authenticated()) {
            throw AccessDeniedException.authRequired();
        }
        if (!who.caller().isSession()) {
            throw AccessDeniedException.sessionRequired();
        }
        return who.caller();
    }

    /** The caller of a sensitive row: {@link #sessionCaller}, signed in or re-authenticated recently. */
    static Caller recentSessionCaller(Resolution who) {
        return RecentAuth.require(sessionCaller(who));
    }

    /**
     * The user and session of an enrolment row: a recent session, or a session that may only enrol
     * (it was just opened by a sign-in, so it is recent by construction).
     */
    static Enrolling enrolling(Resolution who) {
        refuseCsrf(who);
        if (who.restricted() != null) {
            return new Enrolling(who.restricted().user().id(), who.restricted().sessionId(), true);
        }
        Caller c = recentSessionCaller(who);
        return new Enrolling(c.userId(), c.sessionId(), false);
    }

    /** Who enrols: a user, their session, and whether that session may only enrol. */
    record Enrolling(String userId, String sessionId, boolean restricted) {
    }

    static void refuseCsrf(Resolution who) {
        if (who.csrfBlocked()) {
            throw new ApiError(ErrorCode.CSRF, "Cross-site request refused.");
        }
    }
}
