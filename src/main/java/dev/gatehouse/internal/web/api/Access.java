package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.internal.web.Resolution;

/** The API's caller checks: a cross-site request and a missing or non-session credential are refused. */
final class Access {

    private Access() {
    }

    /** The caller of a "session" row: 401 when anonymous, 403 for an API token or a cross-site request. */
    static Caller sessionCaller(Resolution who) {
        refuseCsrf(who);
        if (!who.authenticated()) {
            throw AccessDeniedException.authRequired();
        }
        if (!who.caller().isSession()) {
            throw AccessDeniedException.sessionRequired();
        }
        return who.caller();
    }

    static void refuseCsrf(Resolution who) {
        if (who.csrfBlocked()) {
            throw new ApiError(ErrorCode.CSRF, "Cross-site request refused.");
        }
    }
}
