package dev.gatehouse.internal.session;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import java.util.List;

/** The one rule for sensitive actions: a browser session whose user signed in or re-authenticated recently. */
public final class RecentAuth {

    private RecentAuth() {
    }

    /**
     * @throws AccessDeniedException 401 when anonymous; 403 {@code permission_denied} for an API token or
     *                               a propagated caller; 403 {@code reauth_required} (with the user's methods)
     *                               for a session that is not recent
     */
    public static Caller require(Caller caller) {
        if (caller == null) {
            throw AccessDeniedException.authRequired();
        }
        if (!caller.isSession()) {
            throw AccessDeniedException.sessionRequired();
        }
        if (!caller.recentlyAuthenticated()) {
            throw AccessDeniedException.reauthRequired(caller.authentication() == null ? List.of("password")
                    : caller.authentication().reauthMethods());
        }
        return caller;
    }
}
