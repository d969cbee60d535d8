package dev.gatehouse.example;

import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.Guards;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

/**
 * Administration as a CDI bean: every method needs role admin, enforced by Gatehouse's interceptor,
 * and every change a browser session that signed in or re-authenticated recently
 * ({@code Guards.requireRecentAuth}), checked here as well as by the page. The audit trail names
 * that administrator as the actor.
 */
@ApplicationScoped
@RolesAllowed("admin")
public class AdminActions {

    @Inject
    UserAdminService accounts;
    @Inject
    RoleService roles;
    @Inject
    SessionService sessions;
    @Inject
    MfaService mfa;
    @Inject
    dev.gatehouse.passkey.PasskeyService passkeys;
    @Inject
    HttpServletRequest request;

    /** Users scanned at most for one search: the public API lists users page by page and has no search. */
    static final int SEARCH_SCAN_LIMIT = 10_000;
    private static final int CHUNK = 200;

    /** One page of users and whether another follows. */
    public record UserPage(List<User> users, boolean more) {
        public UserPage {
            users = List.copyOf(users);
        }
    }

    public List<User> users() {
        return accounts.listUsers(0, 200);
    }

    /**
     * Page {@code page} (from 0) of {@code size} users whose email or username contains {@code q} (any case; blank:
     * everyone). Without a search this is one {@code listUsers} call; with one, users are read {@value #CHUNK} at a
     * time, at most {@value #SEARCH_SCAN_LIMIT}, and filtered here.
     */
    public UserPage users(String q, int page, int size) {
        if (q == null || q.isBlank()) {
            List<User> found = accounts.listUsers(page * size, size + 1);
            return new UserPage(found.subList(0, Math.min(size, found.size())), found.size() > size);
        }
        String needle = q.strip().toLowerCase(java.util.Locale.ROOT);
        List<User> matches = new java.util.ArrayList<>();
        int skip = page * size;
        for (int offset = 0; offset < SEARCH_SCAN_LIMIT && matches.size() <= size; offset += CHUNK) {
            List<User> chunk = accounts.listUsers(offset, CHUNK);
            for (User u : chunk) {
                if (contains(u.email(), needle) || contains(u.username(), needle)) {
                    if (skip > 0) {
                        skip--;
                    } else {
                        matches.add(u);
                    }
                }
            }
            if (chunk.size() < CHUNK) {
                break;
            }
        }
        return new UserPage(matches.subList(0, Math.min(size, matches.size())), matches.size() > size);
    }

    private static boolean contains(String s, String needle) {
        return s != null && s.toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    /** The role definitions with their permissions. */
    public List<dev.gatehouse.role.Role> roleDefinitions() {
        return roles.listRoles();
    }

    public List<String> usersWithRole(String role) {
        return roles.usersWithRole(role);
    }

    /** How many passkeys the user has. */
    public int passkeyCount(String userId) {
        return passkeys.available() ? passkeys.list(userId).size() : 0;
    }

    public List<String> rolesOf(String userId) {
        return roles.rolesFor(userId);
    }

    public void grant(String userId, String role) {
        roles.grantRole(userId, role, Guards.requireRecentAuth(request).userId());
    }

    public void revoke(String userId, String role) {
        roles.revokeRole(userId, role, Guards.requireRecentAuth(request).userId());
    }

    public void disable(String userId) {
        accounts.disableUser(userId, Guards.requireRecentAuth(request).userId());
    }

    public void enable(String userId) {
        accounts.enableUser(userId, Guards.requireRecentAuth(request).userId());
    }

    public int endSessions(String userId) {
        Guards.requireRecentAuth(request);
        return sessions.revokeAll(userId);
    }

    /** Whether the user has an authenticator app. */
    public boolean hasTwoStep(String userId) {
        return mfa.status(userId).totpEnabled();
    }

    /**
     * Removes the user's authenticator app and recovery codes and ends their sessions (they lost
     * the phone); the owner gets a notice and the audit trail names {@code actorId}.
     *
     * @return false when the user had none
     */
    public boolean resetTwoStep(String userId, String actorId) {
        Guards.requireRecentAuth(request);
        return mfa.reset(userId, actorId);
    }

    /** Counts for the JSON endpoint. */
    public String stats() {
        return "{\"users\":" + users().size() + "}";
    }
}
