package dev.gatehouse;

/**
 * A guard refused the caller: {@link ErrorCode#AUTH_REQUIRED} (401) when nobody is signed in,
 * {@link ErrorCode#PERMISSION_DENIED} (403) when the caller lacks a role or permission or is not a
 * browser session where one is required. Gatehouse's servlet filter turns it into that HTTP status
 * (JSON for API requests).
 */
public final class AccessDeniedException extends AuthException {

    private final String permission;

    private AccessDeniedException(ErrorCode code, String message, String permission) {
        super(code, message);
        this.permission = permission;
    }

    public static AccessDeniedException authRequired() {
        return new AccessDeniedException(ErrorCode.AUTH_REQUIRED, "Sign in to do that.", null);
    }

    public static AccessDeniedException forbidden(String permissionOrRole) {
        return new AccessDeniedException(ErrorCode.PERMISSION_DENIED, "You don't have permission to do that.",
                permissionOrRole);
    }

    /** 403: the caller is signed in, but not with a browser session (an API token, say). */
    public static AccessDeniedException sessionRequired() {
        return new AccessDeniedException(ErrorCode.PERMISSION_DENIED, "Only a signed-in browser session can do that; "
                + "API tokens cannot manage the account.", null);
    }

    /** The HTTP status: 401 or 403 (the status of {@link #code()}). */
    public int status() {
        return code().httpStatus();
    }

    /** The permission or role that was missing, or null. */
    public String permission() {
        return permission;
    }
}
