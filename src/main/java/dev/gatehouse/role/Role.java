package dev.gatehouse.role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A named set of permission strings. */
public record Role(String name, List<String> permissions, Instant createdAt) {
    public Role {
        Objects.requireNonNull(name, "name");
        permissions = List.copyOf(permissions);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
