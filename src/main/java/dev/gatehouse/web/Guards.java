package dev.gatehouse.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.internal.session.RecentAuth;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Programmatic guards for servlets and resources. They read the caller {@link GatehouseFilter}
 * (or the mechanism) resolved for this request; the filter turns their
 * {@link AccessDeniedException} into 401/403. A missing user always wins over a missing
 * permission (401 before 403).
 */
public final class Guards {

    private Guards() {
    }

    /** The caller, or empty for an anonymous request. */
    public static Optional<Caller> caller(HttpServletRequest request) {
        return request.getAttribute(Caller.class.getName()) instanceof Caller c ? Optional.of(c) : Optional.empty();
    }

    /** @throws AccessDeniedException 401 when nobody is signed in */
    public static Caller requireUser(HttpServletRequest request) {
        return caller(request).orElseThrow(AccessDeniedException::authRequired);
    }

    /**
     * The caller, who must be signed in with a browser session: use it on every action that
     * manages the account (password, devices, API tokens, email), which an API token, whatever
     * its scopes, must never reach.
     *
     * @throws AccessDeniedException 401 when nobody is signed in, 403 for any other kind of caller
     */
    public static Caller requireSession(HttpServletRequest request) {
        Caller c = requireUser(request);
        if (!c.isSession()) {
            throw AccessDeniedException.sessionRequired();
        }
        return c;
    }

    /**
     * The caller, who must be a browser session whose user signed in or re-authenticated within
     * {@code reauthWindowSeconds}: use it on sensitive actions (changing credentials, contact details or
     * factors, administering). An API token can never pass. Answer a {@code reauth_required} refusal by
     * sending the user to re-authenticate ({@code POST /auth/reauth}, or {@code AuthService.reauthenticate}).
     *
     * @throws AccessDeniedException 401 when nobody is signed in, 403 {@code permission_denied} for any caller
     *                               but a session, 403 {@code reauth_required} (with the methods the user can
     *                               re-authenticate with) when the session's authentication is not recent
     */
    public static Caller requireRecentAuth(HttpServletRequest request) {
        return RecentAuth.require(caller(request).orElse(null));
    }

    /**
     * @throws IllegalArgumentException blank permission (checked first)
     * @throws AccessDeniedException    401 when nobody is signed in, 403 without the permission
     */
    public static Caller requirePermission(HttpServletRequest request, String permission) {
        if (permission == null || permission.isBlank()) {
            throw new IllegalArgumentException("permission is required");
        }
        Caller c = requireUser(request);
        if (!c.hasPermission(permission)) {
            throw AccessDeniedException.forbidden(permission);
        }
        return c;
    }

    /** @throws AccessDeniedException 401 when nobody is signed in, 403 without the role */
    public static Caller requireRole(HttpServletRequest request, String role) {
        Caller c = requireUser(request);
        if (!c.isInRole(role)) {
            throw AccessDeniedException.forbidden(role);
        }
        return c;
    }
}
