package dev.gatehouse;

import java.util.List;

/**
 * A guard refused the caller: {@link ErrorCode#AUTH_REQUIRED} (401) when nobody is signed in,
 * {@link ErrorCode#PERMISSION_DENIED} (403) when the caller lacks a role or permission or is not a
 * browser session where one is required, {@link ErrorCode#REAUTH_REQUIRED} (403) when a sensitive
 * action needs a recent sign-in. Gatehouse's servlet filter turns it into that HTTP status
 * (JSON for API requests).
 */
public final class AccessDeniedException extends AuthException {

    private final String permission;
    private final List<String> methods;

    private AccessDeniedException(ErrorCode code, String message, String permission) {
        this(code, message, permission, List.of());
    }

    private AccessDeniedException(ErrorCode code, String message, String permission, List<String> methods) {
        super(code, message);
        this.permission = permission;
        this.methods = List.copyOf(methods);
    }

    /**
     * 403 {@link ErrorCode#REAUTH_REQUIRED}: a sensitive action, and the session's user has not signed in or
     * re-authenticated within {@code reauthWindowSeconds} (or the caller is not a browser session).
     *
     * @param methods the factors the user can re-authenticate with, by wire name
     */
    public static AccessDeniedException reauthRequired(List<String> methods) {
        return new AccessDeniedException(ErrorCode.REAUTH_REQUIRED, "Please confirm it's you to do that.", null, methods);
    }

    /** 403 {@link ErrorCode#MFA_ENROLMENT_REQUIRED}: the session may only set up the second factor its roles require. */
    public static AccessDeniedException enrolmentRequired() {
        return new AccessDeniedException(ErrorCode.MFA_ENROLMENT_REQUIRED, "Set up two-factor sign-in to continue.", null,
                List.of("totp"));
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

    /** For {@code reauth_required} and {@code mfa_enrolment_required}: the factors that may answer it; else empty. */
    public List<String> methods() {
        return methods;
    }

    /** The permission or role that was missing, or null. */
    public String permission() {
        return permission;
    }
}
