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
    HttpServletRequest request;

    public List<User> users() {
        return accounts.listUsers(0, 200);
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
