package dev.gatehouse.internal.crypto;

import dev.gatehouse.ValidationException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.HashingSettings;
import dev.gatehouse.internal.metrics.HashingLoad;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.password.Passwords;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Bouncy Castle Argon2id behind {@link HashingLanes}, which bound concurrent hashing (memory and
 * CPU) and keep {@link HashingSettings#trustedHashingSlots()} for {@link #verifyTrusted}. Passwords are
 * hashed in their NFKC form ({@link Passwords}).
 */
public final class Argon2PasswordHasher implements PasswordHasher, PriorityLane {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int timeCost;
    private final int memoryKib;
    private final int parallelism;
    private final HashingLanes lanes;
    private final Metrics metrics;
    /**
     * Argon2's 1 KiB blocks, reused across hashes (Bouncy Castle zeroes each one before handing it
     * back): without it every hash allocates its whole memory cost anew, and under a sign-in flood
     * the collector copying the blocks of hashes in progress stalls every other request. Holds at
     * most what all slots use at once at the configured cost.
     */
    private final Argon2BytesGenerator.BlockPool blocks;

    public Argon2PasswordHasher(AuthSettings settings) {
        this(settings, Metrics.NOOP);
    }

    public Argon2PasswordHasher(AuthSettings settings, Metrics metrics) {
        this.metrics = metrics;
        this.timeCost = settings.hashing().argonTimeCost();
        this.memoryKib = settings.hashing().argonMemoryKib();
        this.parallelism = settings.hashing().argonParallelism();
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(
                (settings.hashing().hashingConcurrency() + settings.hashing().trustedHashingSlots()) * settings.hashing().argonMemoryKib());
        this.lanes = new HashingLanes(settings.hashing().hashingConcurrency(), settings.hashing().trustedHashingSlots(),
                settings.hashing().hashingQueueTimeoutMillis(), settings.hashing().untrustedHashingDutyPercent(), HashingLanes.restScheduler());
    }

    @Override
    public String hash(String password) {
        if (Passwords.hasLoneSurrogate(password)) {
            throw new ValidationException(Passwords.LONE_SURROGATE); // the policy refuses it first; never hash it as '?'
        }
        String normalised = Passwords.normalise(password);
        byte[] salt = SecureTokens.randomBytes(SALT_BYTES);
        byte[] out = gated(false, () -> argon2(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13,
                memoryKib, timeCost, parallelism, salt, normalised, HASH_BYTES));
        return new PhcHash("argon2id", 0x13, memoryKib, timeCost, parallelism, salt, out).format();
    }

    /**
     * Verifies the NFKC form; when that differs from the password as given, also the given form,
     * which is how a hash written before Gatehouse normalised may hold it (the caller then rehashes).
     * The work depends on the password only, never on the account. A lone surrogate never matches.
     */
    @Override
    public boolean verify(String storedHash, String password) {
        return verify(storedHash, password, false);
    }

    @Override
    public boolean verifyTrusted(String storedHash, String password) {
        return verify(storedHash, password, true);
    }

    private boolean verify(String storedHash, String password, boolean trusted) {
        if (password == null || Passwords.hasLoneSurrogate(password)) {
            return false;
        }
        String normalised = Passwords.normalise(password);
        return matches(storedHash, normalised, trusted)
                || (!normalised.equals(password) && matches(storedHash, password, trusted));
    }

    private boolean matches(String storedHash, String password, boolean trusted) {
        Optional<PhcHash> phc = PhcHash.parse(storedHash);
        if (phc.isPresent()) {
            PhcHash h = phc.get();
            byte[] out = gated(trusted, () -> argon2(typeOf(h.type()), h.version(), h.memoryKib(), h.timeCost(),
                    h.parallelism(), h.salt(), password, h.hash().length));
            return MessageDigest.isEqual(out, h.hash());
        }
        Optional<Pbkdf2Hash> pbkdf2 = Pbkdf2Hash.parse(storedHash);
        return pbkdf2.isPresent() && gated(trusted, () -> pbkdf2.get().matches(password));
    }

    @Override
    public boolean needsRehash(String storedHash) {
        return PhcHash.parse(storedHash)
                .map(h -> !h.type().equals("argon2id") || h.version() != 0x13 || h.memoryKib() != memoryKib
                        || h.timeCost() != timeCost || h.parallelism() != parallelism
                        || h.salt().length != SALT_BYTES || h.hash().length != HASH_BYTES)
                .orElse(true);
    }

    private <T> T gated(boolean trusted, Supplier<T> work) {
        Supplier<T> timed = () -> metrics.timeHashing(work);
        return trusted ? lanes.trusted(timed) : lanes.untrusted(timed);
    }

    /** The hashing gate's load (for gauges and the health check). */
    public HashingLoad load() {
        return lanes;
    }

    private static int typeOf(String type) {
        return switch (type) {
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            default -> Argon2Parameters.ARGON2_id;
        };
    }

    private byte[] argon2(int type, int version, int m, int t, int p, byte[] salt, String password, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(type).withBlockPool(blocks).withVersion(version).withMemoryAsKB(m)
                .withIterations(t).withParallelism(p).withSalt(salt).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        try {
            generator.generateBytes(pw, out);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }
}
