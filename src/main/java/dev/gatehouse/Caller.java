package dev.gatehouse;

import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.role.Permissions;
import dev.gatehouse.role.Role;
import dev.gatehouse.session.Authentication;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The authenticated caller of one request.
 *
 * <p>A session caller holds every role and permission of its user. An API-token caller holds a
 * permission only if the owner holds it right now <em>and</em> a scope of the token covers it,
 * and a role {@code r} only if the owner has it and a scope covers {@code role:r} (so scope
 * {@code *} means "everything the owner has"). A {@linkplain Method#PROPAGATED propagated} caller
 * (the runtime's identity outside an HTTP request) holds the roles the runtime reports and the
 * permissions of those roles only. Only a session caller may manage the account
 * ({@link #isSession()}).
 *
 * @param roles            effective roles (for a token caller, already narrowed by its scopes), sorted
 * @param ownerPermissions the permission strings the user's roles grant, wildcards as granted
 * @param token            the API token for {@link Method#API_TOKEN}, else null
 * @param sessionId        the session id for {@link Method#SESSION}, else null
 * @param authentication   for {@link Method#SESSION}, how and when the user last proved who they are (null when
 *                         unknown: then never recent); null for other callers
 */
public record Caller(User user, List<String> roles, Set<String> ownerPermissions, Method method, ApiToken token,
                     String sessionId, Authentication authentication) {

    /** How the caller proved who it is. */
    public enum Method {
        /** A browser session cookie. */
        SESSION,
        /** A personal access token ({@code Authorization: Bearer}). */
        API_TOKEN,
        /**
         * The runtime's caller outside an HTTP request (a timer, an asynchronous or remote call):
         * how it signed in is unknown, so it is never taken for a session.
         */
        PROPAGATED
    }

    public Caller {
        Objects.requireNonNull(user, "user");
        roles = List.copyOf(roles);
        ownerPermissions = Set.copyOf(ownerPermissions);
        Objects.requireNonNull(method, "method");
        if ((method == Method.API_TOKEN) != (token != null)) {
            throw new IllegalArgumentException("an API-token caller needs its token, other callers none");
        }
        if ((method == Method.SESSION) != (sessionId != null)) {
            throw new IllegalArgumentException("a session caller needs its session id, other callers none");
        }
        if (method != Method.SESSION && authentication != null) {
            throw new IllegalArgumentException("only a session caller has an authentication time");
        }
    }

    /** A caller whose authentication time is unknown (never recent). */
    public Caller(User user, List<String> roles, Set<String> ownerPermissions, Method method, ApiToken token,
                  String sessionId) {
        this(user, roles, ownerPermissions, method, token, sessionId, null);
    }

    /**
     * Builds a caller from the owner's grants, narrowing roles by token scopes when there is a token.
     *
     * @throws IllegalArgumentException neither or both of {@code token} and {@code sessionId}
     */
    public static Caller of(User user, List<Role> ownerRoles, ApiToken token, String sessionId) {
        return of(user, ownerRoles, token, sessionId, null);
    }

    /**
     * {@link #of(User, List, ApiToken, String)} for a session whose authentication is known.
     *
     * @throws IllegalArgumentException neither or both of {@code token} and {@code sessionId}, or an
     *                                  {@code authentication} without a session
     */
    public static Caller of(User user, List<Role> ownerRoles, ApiToken token, String sessionId,
                            Authentication authentication) {
        Set<String> permissions = new java.util.TreeSet<>();
        List<String> roles = new java.util.ArrayList<>();
        for (Role r : ownerRoles) {
            permissions.addAll(r.permissions());
            if (token == null || token.covers("role:" + r.name())) {
                roles.add(r.name());
            }
        }
        roles.sort(null);
        return new Caller(user, roles, permissions, token == null ? Method.SESSION : Method.API_TOKEN, token, sessionId,
                authentication);
    }

    /**
     * The runtime's caller outside an HTTP request: {@code reportedRoles} are the roles the runtime
     * says the caller is in (for a token caller already narrowed by its scopes), and only their
     * permissions are held, so a token caller is never widened to its owner's full rights.
     */
    public static Caller propagated(User user, List<Role> reportedRoles) {
        Set<String> permissions = new java.util.TreeSet<>();
        List<String> roles = new java.util.ArrayList<>();
        for (Role r : reportedRoles) {
            permissions.addAll(r.permissions());
            roles.add(r.name());
        }
        roles.sort(null);
        return new Caller(user, roles, permissions, Method.PROPAGATED, null, null);
    }

    /** True for a browser session: the only kind of caller that may manage the account. */
    public boolean isSession() {
        return method == Method.SESSION;
    }

    /**
     * True for a browser session whose user signed in or re-authenticated within
     * {@code reauthWindowSeconds}: what sensitive actions require. Never true for an API token.
     */
    public boolean recentlyAuthenticated() {
        return authentication != null && authentication.recent();
    }

    public String userId() {
        return user.id();
    }

    public boolean isInRole(String role) {
        return roles.contains(role);
    }

    /** @throws IllegalArgumentException blank permission */
    public boolean hasPermission(String permission) {
        String p = permission == null ? "" : permission.strip();
        if (p.isEmpty()) {
            throw new IllegalArgumentException("permission is required");
        }
        return Permissions.anyCovers(ownerPermissions, p) && (token == null || token.covers(p));
    }

    /**
     * For logs: the user id, how the caller signed in, its roles and its API token's id. Never the
     * session key (the stored hash of the cookie), the email or any other personal data.
     */
    @Override
    public String toString() {
        return "Caller[user=" + user.id() + ", method=" + method + ", roles=" + roles
                + (token == null ? "" : ", token=" + token.id()) + "]";
    }
}
