package dev.gatehouse.account;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.HashingSettings;

/**
 * Argon2id password hashing in PHC string format
 * ({@code $argon2id$v=19$m=65536,t=3,p=2$salt$hash}). Verification also accepts Jakarta
 * Security's {@code Pbkdf2PasswordHash} format so imported accounts can sign in once and be
 * upgraded. At most {@link HashingSettings#hashingConcurrency()} hashes run at once; a caller that
 * waits longer than {@link HashingSettings#hashingQueueTimeoutMillis()} gets a
 * {@link GatehouseUnavailableException} with code {@code overloaded}.
 */
public interface PasswordHasher {

    String hash(String password);

    /** False for a wrong password or a stored value that is not a recognised hash. Constant-time compare. */
    boolean verify(String storedHash, String password);

    /** True if the stored hash is not Argon2id with the configured parameters. */
    boolean needsRehash(String storedHash);
}
