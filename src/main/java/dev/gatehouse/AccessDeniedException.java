package dev.gatehouse;

/**
 * A guard refused the caller: {@link #status()} 401 with reason {@code auth_required} when nobody
 * is signed in, 403 with {@code permission_denied} when the caller lacks a role or permission or
 * is not a browser session where one is required.
 * Gatehouse's servlet filter turns it into that HTTP status (JSON for API requests).
 */
public final class AccessDeniedException extends RuntimeException {

    private final int status;
    private final String permission;

    private AccessDeniedException(int status, String message, String permission) {
        super(message, null, false, false);
        this.status = status;
        this.permission = permission;
    }

    public static AccessDeniedException authRequired() {
        return new AccessDeniedException(401, "Sign in to do that.", null);
    }

    public static AccessDeniedException forbidden(String permissionOrRole) {
        return new AccessDeniedException(403, "You don't have permission to do that.", permissionOrRole);
    }

    /** 403: the caller is signed in, but not with a browser session (an API token, say). */
    public static AccessDeniedException sessionRequired() {
        return new AccessDeniedException(403, "Only a signed-in browser session can do that; API tokens cannot manage "
                + "the account.", null);
    }

    public int status() {
        return status;
    }

    /** {@code auth_required} or {@code permission_denied}. */
    public String reason() {
        return status == 401 ? "auth_required" : "permission_denied";
    }

    /** The permission or role that was missing, or null. */
    public String permission() {
        return permission;
    }
}
