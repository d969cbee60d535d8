package dev.gatehouse.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.config.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of stored password hashes (Argon2 PHC strings and the PBKDF2 format
 * Gatehouse upgrades from). A stored hash is parsed or refused, never thrown over; a parsed one
 * stays within the cost caps and formats back to itself; the hasher answers "needs rehash" and
 * "does not match" for junk. Seeds and the corpus found so far are in
 * {@code StoredHashFuzzTestInputs/}; {@code mvn verify} replays them and then fuzzes for a bounded time.
 */
class StoredHashFuzzTest {

    private static final PasswordHasher HASHER = new Argon2PasswordHasher(
            AuthSettings.defaults().forTests().toBuilder().argonMemoryKib(64).argonTimeCost(1).argonParallelism(1).build());

    @FuzzTest(maxDuration = "20s")
    void storedHashes(byte[] input) {
        String stored = new String(input, StandardCharsets.UTF_8);
        Optional<PhcHash> phc = PhcHash.parse(stored);
        phc.ifPresent(p -> {
            assertTrue(p.memoryKib() >= 1 && p.memoryKib() <= 1 << 20, "memory cap: " + stored);
            assertTrue(p.timeCost() >= 1 && p.timeCost() <= 64, "time cap: " + stored);
            assertTrue(p.parallelism() >= 1, stored);
            String again = PhcHash.parse(p.format()).orElseThrow(() -> new AssertionError("format does not parse: " + p.format()))
                    .format();
            assertEquals(p.format(), again);
            if ((long) p.memoryKib() * p.timeCost() <= 256 && p.hash().length > 0) {
                assertFalse(HASHER.verify(stored, "fuzz-password"), stored);
            }
        });
        Pbkdf2Hash.parse(stored).ifPresent(k -> assertTrue(k.iterations() >= 1 && k.iterations() <= 5_000_000, stored));
        boolean rehash = HASHER.needsRehash(stored);
        if (phc.isEmpty() && Pbkdf2Hash.parse(stored).isEmpty()) {
            assertTrue(rehash, "junk must need a rehash: " + stored);
        }
    }
}
