package dev.gatehouse.role;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/** A role was granted before it was defined. */
public final class RoleNotFoundException extends AuthException {

    private final String name;

    public RoleNotFoundException(String name) {
        super(ErrorCode.ROLE_NOT_FOUND, "No role named '" + name + "'. Define it first.");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
