package dev.gatehouse;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Gatehouse#health()} found: up when every check is up. Details are short and safe to
 * show to an operator: they never hold a secret, a connection string or a stack trace.
 *
 * @param up     every check passed
 * @param checks {@code database}, {@code schema} and {@code hashing}, in that order
 */
public record Health(boolean up, List<Check> checks) {

    /** Copies the checks; {@code up} must agree with them. */
    public Health {
        checks = List.copyOf(checks);
        if (up != checks.stream().allMatch(Check::up)) {
            throw new IllegalArgumentException("up must be true exactly when every check is up");
        }
    }

    /** A health made of these checks, up when all of them are. */
    public static Health of(List<Check> checks) {
        return new Health(checks.stream().allMatch(Check::up), checks);
    }

    /** The check with this name, or null. */
    public Check check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** A check's verdict. */
    public enum Status { UP, DOWN }

    /**
     * One check.
     *
     * @param name   {@code database}, {@code schema} or {@code hashing}
     * @param status its verdict
     * @param detail a short explanation, e.g. {@code "8 of 8 changesets applied"}
     */
    public record Check(String name, Status status, String detail) {

        /** Requires every component. */
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }

        public boolean up() {
            return status == Status.UP;
        }
    }
}
