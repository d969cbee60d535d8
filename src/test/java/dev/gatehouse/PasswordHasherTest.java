package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.crypto.Argon2PasswordHasher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /** Made with the reference C tool (Debian package argon2): echo -n PW | argon2 SALT ARGS -l 32 -e */
    static final String[][] ARGON2_CLI_VECTORS = {
            {"correct horse battery staple", "$argon2id$v=19$m=65536,t=3,p=2$Z2F0ZWhvdXNlc2FsdDE2$DnI/sTExqBvp1PBPbNI5td2hikptH2UHWi8Sq+wnGKg"},
            {"correct horse battery staple", "$argon2id$v=19$m=4096,t=2,p=1$Z2F0ZWhvdXNlc2FsdDE2$nuTx1UkslgLRgPxaxpiVRgEzaYWVdXm6CS5vP+reTKY"},
            {"correct horse battery staple", "$argon2i$v=19$m=4096,t=2,p=1$Z2F0ZWhvdXNlc2FsdDE2$yxjU6/oiTxXIEYk4HMNXAe/ooiHUGL8pJLOlpqHLEhY"},
            {"correct horse battery staple", "$argon2id$v=19$m=1024,t=1,p=4$Z2F0ZWhvdXNlc2FsdDE2$sLfbyAEMGTM+JKVI3upM1f+ekzOLG9ev5MkOXy/PhVY"},
            {"pässwörd-ünïcode-✓", "$argon2id$v=19$m=4096,t=2,p=1$c2FsdHlzYWx0eXNhbHR5MQ$vkS197dV0oUeGzPEWUF6JEs8b/DKv1pmS1hdxV3ZiBc"},
    };

    final PasswordHasher fast = new Argon2PasswordHasher(AuthSettings.defaults().forTests());

    /** Jakarta Security Pbkdf2PasswordHash's stored form, computed with the JDK alone. */
    static String soteriaPbkdf2(String password, int iterations) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
            return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hashesMadeByTheReferenceArgon2ToolVerify() {
        for (String[] v : ARGON2_CLI_VECTORS) {
            assertTrue(fast.verify(v[1], v[0]), v[1]);
            assertFalse(fast.verify(v[1], v[0] + "x"), v[1]);
        }
    }

    @Test
    void defaultParametersProduceAPhcStringAtOrAboveTheOwaspFloor() {
        String phc = new Argon2PasswordHasher(AuthSettings.defaults()).hash("correct horse battery staple");
        assertTrue(phc.matches("\\$argon2id\\$v=19\\$m=65536,t=3,p=2\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), phc);
        assertFalse(new Argon2PasswordHasher(AuthSettings.defaults()).needsRehash(phc));
    }

    @Test
    void samePasswordHashesDifferentlyEachTime() {
        String a = fast.hash("same-password");
        String b = fast.hash("same-password");
        assertNotEquals(a, b);
        assertTrue(fast.verify(a, "same-password") && fast.verify(b, "same-password"));
    }

    @Test
    void needsRehashWhenTypeOrParametersDiffer() {
        assertTrue(fast.needsRehash(ARGON2_CLI_VECTORS[1][1]));
        assertTrue(fast.needsRehash(soteriaPbkdf2("x", 10)));
        assertTrue(fast.needsRehash("garbage"));
        assertFalse(fast.needsRehash(fast.hash("pw")));
    }

    @Test
    void soteriaPbkdf2HashesVerify() {
        String stored = soteriaPbkdf2("legacy-password-1", 1024);
        assertTrue(fast.verify(stored, "legacy-password-1"));
        assertFalse(fast.verify(stored, "legacy-password-2"));
    }

    @Test
    void malformedOrHostileStoredHashesNeverVerifyAndNeverThrow() {
        for (String bad : new String[] {null, "", "$argon2id$", "$argon2id$v=19$m=65536,t=3,p=2$!!$!!",
                "$argon2id$v=19$m=4194304,t=3,p=1$Z2F0ZWhvdXNlc2FsdDE2$DnI/sTExqBvp1PBPbNI5td2hikptH2UHWi8Sq+wnGKg",
                "$argon2id$v=19$m=64,t=1000000,p=1$Z2F0ZWhvdXNlc2FsdDE2$DnI/sTExqBvp1PBPbNI5td2hikptH2UHWi8Sq+wnGKg",
                "$bcrypt$whatever", "PBKDF2WithHmacSHA1:1000:AAAA:BBBB", "PBKDF2WithHmacSHA256:99999999:AAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAA=="}) {
            assertFalse(fast.verify(bad, "anything"), String.valueOf(bad));
        }
        assertFalse(fast.verify(fast.hash("pw"), null));
    }

    @Test
    void hashingOverTheConcurrencyCapWaitsThenFailsAsOverloaded() throws Exception {
        AuthSettings s = AuthSettings.defaults().toBuilder().strict(false).cookieSecure(false).argonMemoryKib(65536)
                .argonTimeCost(2).argonParallelism(1).hashingConcurrency(1).hashingQueueTimeoutMillis(1).build();
        PasswordHasher slow = new Argon2PasswordHasher(s);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            java.util.List<Future<String>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    try {
                        slow.hash("pw");
                        return "ok";
                    } catch (GatehouseUnavailableException e) {
                        return e.code().wire();
                    }
                }));
            }
            go.countDown();
            java.util.List<String> results = new java.util.ArrayList<>();
            for (Future<String> f : fs) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            assertTrue(results.contains("ok"), results.toString());
            assertTrue(results.contains("overloaded"), results.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, s.hashing().hashingConcurrency());
        assertThrows(IllegalArgumentException.class, () -> s.toBuilder().hashingConcurrency(0).build());
    }
}
