package dev.gatehouse.internal.crypto;

/**
 * A password hasher with capacity that only trusted sign-ins (a valid device cookie) may take,
 * so a flood of untrusted attempts cannot starve them.
 */
public interface PriorityLane {

    /** {@link dev.gatehouse.account.PasswordHasher#verify} on the reserved capacity (or a free shared slot). */
    boolean verifyTrusted(String storedHash, String password);
}
