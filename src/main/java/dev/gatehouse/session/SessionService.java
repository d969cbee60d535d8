package dev.gatehouse.session;

import java.util.List;
import java.util.Optional;

/** Server-side cookie sessions: resolve, list, revoke. Thread-safe. */
public interface SessionService {

    /**
     * The {@code Clear-Site-Data} value to send on sign-out: the cache and storage, not cookies, so
     * the device cookie survives (the session cookie is deleted with {@link #deletionCookie()}).
     */
    String CLEAR_SITE_DATA = "\"cache\", \"storage\"";

    /**
     * Opens a session for an already-authenticated user (after sign-in, a password change, or an
     * external login).
     *
     * @throws IllegalArgumentException the user does not exist
     */
    SessionCookie start(String userId, String ip, String userAgent);

    /**
     * Resolves a cookie value. Empty when the value is absent or malformed (no database access),
     * unknown, expired, past the absolute lifetime, or the account is disabled or gone. With
     * {@code extend}, slides the expiry (written at most about once a minute).
     */
    Optional<ResolvedSession> resolve(String cookieValue, boolean extend);

    /** Ends the session of this cookie (idempotent) and returns the deletion cookie. */
    SessionCookie signOut(String cookieValue);

    /** Live sessions of the user, newest first; {@code currentCookieValue} marks the caller's. */
    List<SessionInfo> list(String userId, String currentCookieValue);

    /** Ends one of the user's own sessions. @return false if no such session belongs to the user */
    boolean revoke(String userId, String sessionId);

    /** Ends every session of the user except the one with id {@code keepSessionId} (may be null). */
    int revokeOthers(String userId, String keepSessionId);

    /** Ends every session of the user. @return how many ended */
    int revokeAll(String userId);

    /** Ends every session of every user (incident response). @return how many ended */
    int revokeEveryone();

    /** The cookie that deletes the session cookie in the browser. */
    SessionCookie deletionCookie();

    /**
     * The session cookie for a value whose session now expires at {@code expiresAt}; send it again
     * when {@link ResolvedSession#renewed()} so the browser keeps the cookie as long as the server
     * keeps the session.
     */
    SessionCookie cookie(String cookieValue, java.time.Instant expiresAt);
}
