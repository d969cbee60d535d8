package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.internal.web.Resolution;

/** The API's caller checks: a cross-site request and a missing or non-session credential are refused. */
final class Access {

    private Access() {
    }

    /** The caller of a "session" row: 401 when anonymous, 403 for an API token or a cross-site request. */
    static Caller sessionCaller(Resolution who) {
        refuseCsrf(who);
        if (!who.authenticated()) {
            throw new ApiError(401, "auth_required", "Sign in to do that.");
        }
        if (!who.caller().isSession()) {
            AccessDeniedException e = AccessDeniedException.sessionRequired();
            throw new ApiError(e.status(), e.code().wire(), e.getMessage());
        }
        return who.caller();
    }

    static void refuseCsrf(Resolution who) {
        if (who.csrfBlocked()) {
            throw new ApiError(403, "csrf", "Cross-site request refused.");
        }
    }
}
