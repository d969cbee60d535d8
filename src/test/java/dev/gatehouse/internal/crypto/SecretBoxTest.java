package dev.gatehouse.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String KEY_A = key('A');
    private static final String KEY_B = key('B');
    private static final Keyring K1 = Keyring.parse("k1:" + KEY_A);
    private static final Keyring K2_K1 = Keyring.parse("k2:" + KEY_B + ",k1:" + KEY_A);
    private static final Keyring K2 = Keyring.parse("k2:" + KEY_B);
    private static final byte[] SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    private final SecretBox box = new SecretBox(K1, "totp");

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal(SEED, "user-1");
        assertTrue(sealed.matches("v1\\.k1\\.[A-Za-z0-9_-]+"), sealed);
        assertEquals(12 + SEED.length + 16, Base64.getUrlDecoder().decode(sealed.substring(6)).length);
        assertArrayEquals(SEED, box.open(sealed, "user-1"));
        assertArrayEquals(new byte[0], box.open(box.seal(new byte[0], ""), ""));
    }

    @Test
    void sealingTwiceGivesDifferentValues() {
        String a = box.seal(SEED, "user-1");
        String b = box.seal(SEED, "user-1");
        assertNotEquals(a, b);
        assertFalse(Arrays.equals(body(a), body(b)), "a fresh nonce every time");
        assertFalse(Arrays.equals(Arrays.copyOf(body(a), 12), Arrays.copyOf(body(b), 12)));
    }

    @Test
    void refusesAlteredCiphertextOrNonce() {
        String sealed = box.seal(SEED, "user-1");
        for (int i : new int[] {0, 11, 12, body(sealed).length - 1}) { // nonce, ciphertext, tag
            byte[] altered = body(sealed);
            altered[i] ^= 1;
            String tampered = "v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(altered);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> box.open(tampered, "user-1"));
            assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
        }
        byte[] truncated = Arrays.copyOf(body(sealed), 27);
        assertThrows(IllegalStateException.class,
                () -> box.open("v1.k1." + Base64.getUrlEncoder().withoutPadding().encodeToString(truncated), "user-1"));
    }

    @Test
    void refusesAValueCopiedToAnotherOwner() {
        String sealed = box.seal(SEED, "user-1");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "user-2"));
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "user-1 "));
    }

    @Test
    void refusesAValueWhoseKeyIdWasChanged() {
        String sealed = new SecretBox(K2_K1, "totp").seal(SEED, "user-1"); // under k2
        String relabelled = "v1.k1." + sealed.substring("v1.k2.".length());
        assertThrows(IllegalStateException.class, () -> new SecretBox(K2_K1, "totp").open(relabelled, "user-1"));
        String unknown = "v1.k9." + sealed.substring("v1.k2.".length());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SecretBox(K2_K1, "totp").open(unknown, "user-1"));
        assertTrue(e.getMessage().contains("'k9'") && e.getMessage().contains("not in secretKeys"), e.getMessage());
    }

    @Test
    void refusesAValueSealedForAnotherPurpose() {
        String sealed = new SecretBox(K1, "other").seal(SEED, "user-1");
        assertThrows(IllegalStateException.class, () -> box.open(sealed, "user-1"));
    }

    @Test
    void refusesMalformedValues() {
        for (String bad : new String[] {null, "", "v1", "v1.k1", "v2.k1.AAAA", "v1.k1.!!!!", "v1..AAAA", "v1.k.1.AAAA",
            "v1.k1.AAAA.", "v1.a-very-long-key-id.AAAA"}) {
            assertThrows(IllegalStateException.class, () -> box.open(bad, "user-1"), String.valueOf(bad));
        }
    }

    @Test
    void aValueSealedUnderTheOldKeyOpensAfterRotationAndAsksToBeResealed() {
        String old = box.seal(SEED, "user-1");
        assertFalse(box.needsReseal(old));

        SecretBox rotated = new SecretBox(K2_K1, "totp");
        assertArrayEquals(SEED, rotated.open(old, "user-1"));
        assertTrue(rotated.needsReseal(old));
        String resealed = rotated.seal(rotated.open(old, "user-1"), "user-1");
        assertTrue(resealed.startsWith("v1.k2."));
        assertFalse(rotated.needsReseal(resealed));
        assertArrayEquals(SEED, rotated.open(resealed, "user-1"));
    }

    @Test
    void aValueWhoseKeyWasDroppedFailsNamingTheKeyAndNoKeyMaterial() {
        String old = box.seal(SEED, "user-1");
        SecretBox onlyNew = new SecretBox(K2, "totp");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> onlyNew.open(old, "user-1"));
        assertTrue(e.getMessage().contains("'k1'"), e.getMessage());
        assertFalse(e.getMessage().contains(KEY_A) || e.getMessage().contains(KEY_B), e.getMessage());
        assertTrue(onlyNew.needsReseal(old));
    }

    @Test
    void needsResealForWhatItCannotRead() {
        assertTrue(box.needsReseal("garbage"));
        assertTrue(box.needsReseal(null));
    }

    @Test
    void keyringDerivesPurposeKeysPerKeyId() {
        assertArrayEquals(K2_K1.derive("p"), K2_K1.derive("k2", "p"));
        assertArrayEquals(K1.derive("p"), K2_K1.derive("k1", "p"));
        assertFalse(Arrays.equals(K2_K1.derive("k1", "p"), K2_K1.derive("k2", "p")));
        assertFalse(Arrays.equals(K2_K1.derive("k1", "p"), K2_K1.derive("k1", "q")));
        assertEquals(32, K2_K1.derive("k1", "p").length);
        assertTrue(K2_K1.has("k1") && K2_K1.has("k2"));
        assertFalse(K2.has("k1") || K2.has(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> K2.derive("k1", "p"));
        assertTrue(e.getMessage().contains("'k1'"));
    }

    private static byte[] body(String sealed) {
        return Base64.getUrlDecoder().decode(sealed.substring(sealed.lastIndexOf('.') + 1));
    }

    private static String key(char fill) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (fill * 31 + i);
        }
        return Base64.getEncoder().encodeToString(key);
    }
}
