package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.positive;

/**
 * Password hashing: the Argon2id parameters and how many hashes run at once. Strict mode's OWASP
 * floors are checked by {@link AuthSettings}, which knows whether it is strict.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is out of range; the message
 * names the setting and the fix.
 *
 * @param argonTimeCost             Argon2id iterations (t)
 * @param argonMemoryKib            Argon2id memory in KiB (m), at least 8 x {@code argonParallelism}
 * @param argonParallelism          Argon2id lanes (p)
 * @param hashingConcurrency        password hashes allowed at once (default: half the available processors, at
 *                                  least 1, so hashing under attack leaves CPU for other requests); sign-in
 *                                  attempts in progress are capped at 5 x this
 * @param hashingQueueTimeoutMillis how long a caller waits for a hashing slot before {@code overloaded}
 * @param trustedHashingSlots       password hashes reserved for sign-ins with a valid device cookie, on top of
 *                                  {@code hashingConcurrency}, which untrusted attempts cannot take
 * @param untrustedHashingDutyPercent while callers wait for a hashing slot, the share of its time a slot may spend
 *                                  on untrusted hashes: after each it rests for the rest (100 never rests), so a
 *                                  flood leaves CPU to trusted sign-ins and other requests
 */
public record HashingSettings(
        int argonTimeCost,
        int argonMemoryKib,
        int argonParallelism,
        int hashingConcurrency,
        long hashingQueueTimeoutMillis,
        int trustedHashingSlots,
        int untrustedHashingDutyPercent) {

    public HashingSettings {
        positive("argonTimeCost", argonTimeCost);
        positive("argonParallelism", argonParallelism);
        if (argonMemoryKib < 8 * argonParallelism) {
            fail("argonMemoryKib must be >= 8 x argonParallelism (got " + argonMemoryKib + ")");
        }
        positive("hashingConcurrency", hashingConcurrency);
        positive("hashingQueueTimeoutMillis", hashingQueueTimeoutMillis);
        positive("trustedHashingSlots", trustedHashingSlots);
        if (untrustedHashingDutyPercent < 10 || untrustedHashingDutyPercent > 100) {
            fail("untrustedHashingDutyPercent must be between 10 and 100; 100 lets untrusted hashes run back to back "
                    + "(got " + untrustedHashingDutyPercent + ")");
        }
    }
}
