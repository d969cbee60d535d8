package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.account.WeakPasswordException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.mfa.DefaultMfaService;
import dev.gatehouse.internal.mfa.SecondFactors;
import dev.gatehouse.internal.role.DefaultRoleService;
import dev.gatehouse.internal.crypto.Argon2PasswordHasher;
import dev.gatehouse.internal.crypto.Keyring;
import dev.gatehouse.internal.persistence.GatehousePersistenceUnit;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which stored hash an unknown account is verified against (no timing in tests: a recording
 * hasher shows the hash the sign-in verified). The timing itself: see the report in the commit.
 */
public abstract class SignInTimingDecoySuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    /** The real hasher, noting every stored hash it is asked to verify. */
    static final class RecordingHasher implements PasswordHasher {
        final PasswordHasher real;
        final List<String> verified = new ArrayList<>();

        RecordingHasher(AuthSettings s) {
            real = new Argon2PasswordHasher(s);
        }

        @Override
        public String hash(String password) {
            return real.hash(password);
        }

        @Override
        public synchronized boolean verify(String storedHash, String password) {
            verified.add(storedHash);
            return real.verify(storedHash, password);
        }

        @Override
        public boolean needsRehash(String storedHash) {
            return real.needsRehash(storedHash);
        }
    }

    private final List<EntityManagerFactory> opened = new ArrayList<>();
    RecordingHasher hasher;

    /** An auth service as Gatehouse builds it, on the recording hasher: "starting" it reads the stored shapes. */
    DefaultAuthService start() {
        AuthSettings s = testSettings().build();
        EntityManagerFactory emf = GatehousePersistenceUnit.create(dataSource(), 5);
        opened.add(emf);
        Transactions tx = new Transactions(emf);
        ResolveCache cache = new ResolveCache(CLOCK, 0, 10);
        hasher = new RecordingHasher(s);
        DbRateLimiter limiter = new DbRateLimiter(tx, CLOCK);
        AuditTrail trail = AuditTrail.logOnly(CLOCK);
        SecondFactors factors = new SecondFactors(tx, CLOCK, null);
        DefaultMfaService mfa = new DefaultMfaService(tx, s, CLOCK, factors, limiter, cache,
                new DefaultRoleService(tx, CLOCK, cache, trail), trail);
        return new DefaultAuthService(tx, s, CLOCK, hasher, limiter, new DefaultSessionService(tx, s, CLOCK, cache),
                new DefaultTokenService(tx, CLOCK), cache, null, new Fingerprints(Keyring.ephemeral()), Metrics.NOOP,
                factors, mfa, trail, new dev.gatehouse.internal.passkey.PasskeyCeremonies(tx, s, CLOCK));
    }

    @AfterEach
    void closeFactories() {
        opened.forEach(EntityManagerFactory::close);
        opened.clear();
    }

    String unknownAccountVerifies(AuthService auth) {
        hasher.verified.clear();
        assertThrows(InvalidCredentialsException.class, () -> auth.signIn("ghost@b.com", PW, null, null));
        assertEquals(1, hasher.verified.size(), hasher.verified.toString());
        return hasher.verified.get(0);
    }

    String idOf(String email) {
        return rows("SELECT id FROM users WHERE email = '" + email + "'").get(0).get(0);
    }

    void setHash(String email, String hash) {
        exec("UPDATE users SET password_hash = '" + hash + "' WHERE id = '" + idOf(email) + "'");
    }

    @Test
    void unknownAccountWithOnlyCurrentHashesCostsTheCurrentParameters() {
        gh().auth().signUp("a@b.com", null, PW, null, null);
        String decoy = unknownAccountVerifies(start());
        assertTrue(decoy.startsWith("$argon2id$v=19$m=8,t=1,p=1$"), decoy);
        assertTrue(decoy.matches("\\$argon2id\\$v=19\\$m=8,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), decoy);
    }

    @Test
    void unknownAccountCostsWhatAnOldSlowerArgon2HashCosts() {
        gh().auth().signUp("a@b.com", null, PW, null, null);
        gh().auth().signUp("old@b.com", null, PW, null, null);
        setHash("old@b.com", new Argon2PasswordHasher(testSettings().argonMemoryKib(64).argonTimeCost(3).build()).hash(PW));
        String decoy = unknownAccountVerifies(start());
        assertTrue(decoy.startsWith("$argon2id$v=19$m=64,t=3,p=1$"), decoy);
        assertTrue(decoy.length() == rows("SELECT password_hash FROM users WHERE email = 'old@b.com'").get(0).get(0).length());
    }

    @Test
    void unknownAccountCostsWhatAnImportedPbkdf2HashCosts() {
        gh().auth().signUp("a@b.com", null, PW, null, null);
        gh().auth().signUp("old@b.com", null, PW, null, null);
        gh().auth().signUp("imported@b.com", null, PW, null, null);
        setHash("old@b.com", new Argon2PasswordHasher(testSettings().argonMemoryKib(64).argonTimeCost(3).build()).hash(PW));
        // m=64,t=3 is 192 KiB-passes; 20,000 PBKDF2-SHA256 iterations cost far more on any machine
        setHash("imported@b.com", PasswordHasherTest.soteriaPbkdf2("legacy-password-1", 20_000));
        String decoy = unknownAccountVerifies(start());
        assertTrue(decoy.startsWith("PBKDF2WithHmacSHA256:20000:"), decoy);
        String[] parts = decoy.split(":");
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[2]).length); // same salt and hash sizes
        assertEquals(32, java.util.Base64.getDecoder().decode(parts[3]).length);
    }

    @Test
    void whenRehashingEmptiesTheSlowShapeTheNextHousekeepingRunDropsIt() {
        gh().auth().signUp("imported@b.com", null, PW, null, null);
        setHash("imported@b.com", PasswordHasherTest.soteriaPbkdf2("legacy-password-1", 20_000));
        DefaultAuthService auth = start();
        assertTrue(unknownAccountVerifies(auth).startsWith("PBKDF2WithHmacSHA256:20000:"));
        auth.signIn("imported@b.com", "legacy-password-1", null, null); // rehashed to the current parameters
        assertTrue(unknownAccountVerifies(auth).startsWith("PBKDF2WithHmacSHA256:20000:")); // until the next run
        auth.refreshTimingDecoy();
        assertTrue(unknownAccountVerifies(auth).startsWith("$argon2id$v=19$m=8,t=1,p=1$"));
    }

    @Test
    void garbageInThePasswordColumnIsIgnored() {
        gh().auth().signUp("a@b.com", null, PW, null, null);
        gh().auth().signUp("b@b.com", null, PW, null, null);
        gh().auth().signUp("c@b.com", null, PW, null, null);
        setHash("b@b.com", "!disabled");
        setHash("c@b.com", "$argon2id$v=19$m=99999999,t=1,p=1$AAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA"); // refused by the parser
        assertTrue(unknownAccountVerifies(start()).startsWith("$argon2id$v=19$m=8,t=1,p=1$"));
    }

    @Test
    void overLengthPasswordsNeverReachTheHasher() {
        gh().auth().signUp("a@b.com", null, PW, null, null);
        DefaultAuthService auth = start();
        hasher.verified.clear();
        String huge = "x".repeat(1025);
        assertThrows(InvalidCredentialsException.class, () -> auth.signIn("a@b.com", huge, "1.2.3.4", null));
        assertThrows(InvalidCredentialsException.class, () -> auth.signIn("ghost@b.com", huge, "1.2.3.4", null));
        String id = idOf("a@b.com");
        assertThrows(InvalidCredentialsException.class, () -> auth.changePassword(id, huge, "quiet-lantern-977"));
        assertThrows(WeakPasswordException.class, () -> auth.signUp("c@b.com", null, huge, null, null));
        assertEquals(List.of(), hasher.verified);
    }
}
