package dev.gatehouse.example;

import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Administration as a CDI bean: every method needs role admin, enforced by Gatehouse's interceptor. */
@ApplicationScoped
@RolesAllowed("admin")
public class AdminActions {

    @Inject
    UserAdminService accounts;
    @Inject
    RoleService roles;
    @Inject
    SessionService sessions;

    public List<User> users() {
        return accounts.listUsers(0, 200);
    }

    public List<String> rolesOf(String userId) {
        return roles.rolesFor(userId);
    }

    public void grant(String userId, String role) {
        roles.grantRole(userId, role);
    }

    public void revoke(String userId, String role) {
        roles.revokeRole(userId, role);
    }

    public void disable(String userId) {
        accounts.disableUser(userId);
    }

    public void enable(String userId) {
        accounts.enableUser(userId);
    }

    public int endSessions(String userId) {
        return sessions.revokeAll(userId);
    }

    /** Counts for the JSON endpoint. */
    public String stats() {
        return "{\"users\":" + users().size() + "}";
    }
}
