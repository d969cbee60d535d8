package dev.gatehouse.role;

import dev.gatehouse.AuthException;

/** A role was granted before it was defined. */
public final class RoleNotFoundException extends AuthException {

    private final String name;

    public RoleNotFoundException(String name) {
        super("role_not_found", "No role named '" + name + "'. Define it first.");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
