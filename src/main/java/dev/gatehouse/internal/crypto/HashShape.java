package dev.gatehouse.internal.crypto;

import java.util.Base64;
import java.util.Optional;

/**
 * The cost-bearing parameters of a stored hash (algorithm, memory, passes, lengths), without its
 * salt and value. Two hashes of one shape cost the same to verify, so a decoy of the same shape
 * (random salt and value, never a real password) makes an unknown account cost what that shape costs.
 *
 * @param family {@code argon2id}, {@code argon2i}, {@code argon2d} or a {@code PBKDF2WithHmacSHAxxx} name
 * @param params {@code v=19,m=65536,t=3,p=2} or the PBKDF2 iteration count
 */
public record HashShape(String family, String params, int saltBytes, int hashBytes, long cost) {

    /*
     * Estimated nanoseconds per unit, measured on the reference machine (2-core Debian VM, JDK 17):
     * one Argon2 pass over 1 KiB of memory with Bouncy Castle, and one PBKDF2 iteration per output
     * block of the JDK's HmacSHA256 (SHA-384/512 have no CPU intrinsic there: about 3 times that).
     * Within a family the order is exact; across families (PBKDF2 is verify-only, for imports) it
     * is this estimate.
     */
    static final long ARGON2_NS_PER_KIB_PASS = 2_500;
    static final long PBKDF2_NS_PER_ITERATION = 500;

    /** The shape of a stored hash Gatehouse can verify; empty for anything it cannot. */
    public static Optional<HashShape> of(String stored) {
        Optional<PhcHash> phc = PhcHash.parse(stored);
        if (phc.isPresent()) {
            PhcHash h = phc.get();
            return Optional.of(new HashShape(h.type(), "v=" + h.version() + ",m=" + h.memoryKib() + ",t=" + h.timeCost()
                    + ",p=" + h.parallelism(), h.salt().length, h.hash().length,
                    (long) h.memoryKib() * h.timeCost() * ARGON2_NS_PER_KIB_PASS));
        }
        return Pbkdf2Hash.parse(stored).map(h -> new HashShape(h.algorithm(), Integer.toString(h.iterations()),
                h.salt().length, h.hash().length, (long) h.iterations() * blocks(h) * PBKDF2_NS_PER_ITERATION
                        * (h.algorithm().endsWith("256") || h.algorithm().endsWith("224") ? 1 : 3)));
    }

    /** A stored-hash string of this shape with a random salt and value: verifying it costs what the shape costs. */
    public String decoy() {
        byte[] salt = SecureTokens.randomBytes(saltBytes);
        byte[] value = SecureTokens.randomBytes(hashBytes);
        if (family.startsWith("PBKDF2")) {
            Base64.Encoder b64 = Base64.getEncoder();
            return family + ":" + params + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(value);
        }
        String[] p = params.split(",");
        return new PhcHash(family, Integer.parseInt(p[0].substring(2)), Integer.parseInt(p[1].substring(2)),
                Integer.parseInt(p[2].substring(2)), Integer.parseInt(p[3].substring(2)), salt, value).format();
    }

    /** PBKDF2 runs all its iterations once per block of the hash function's output. */
    private static int blocks(Pbkdf2Hash h) {
        int outputBytes = switch (h.algorithm()) {
            case "PBKDF2WithHmacSHA224" -> 28;
            case "PBKDF2WithHmacSHA384" -> 48;
            case "PBKDF2WithHmacSHA512" -> 64;
            default -> 32;
        };
        return (h.hash().length + outputBytes - 1) / outputBytes;
    }
}
