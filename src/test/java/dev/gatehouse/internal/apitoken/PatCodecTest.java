package dev.gatehouse.internal.apitoken;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PatCodecTest {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private final PatCodec codec = new PatCodec("gate_pat_");

    @Test
    void generatedTokensAreWellFormed() {
        for (int i = 0; i < 200; i++) {
            String t = codec.generate();
            assertEquals(codec.tokenLength(), t.length());
            assertTrue(codec.isWellFormed(t), t);
        }
    }

    /** The checksum recomputed by its definition: CRC32 of the ASCII text before it, 6 base62 digits. */
    @Test
    void wellFormedMeansTheChecksumOfItsDefinition() {
        Random random = new Random(17);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder body = new StringBuilder("gate_pat_");
            for (int j = 0; j < 43; j++) {
                body.append(ALPHABET.charAt(random.nextInt(62)));
            }
            String right = body + reference(body.toString());
            assertTrue(codec.isWellFormed(right), right);
            String wrong = body + reference(body.toString() + "x");
            assertEquals(wrong.equals(right), codec.isWellFormed(wrong), wrong);
        }
    }

    @Test
    void anyChangedCharacterIsRefused() {
        String t = codec.generate();
        for (int i = 0; i < t.length(); i++) {
            char other = t.charAt(i) == 'a' ? 'b' : 'a';
            assertFalse(codec.isWellFormed(t.substring(0, i) + other + t.substring(i + 1)), "position " + i);
        }
    }

    @Test
    void wrongPrefixLengthOrAlphabetIsRefused() {
        String t = codec.generate();
        assertFalse(codec.isWellFormed(null));
        assertFalse(codec.isWellFormed("ghp_" + t.substring(4)));
        assertFalse(codec.isWellFormed(t + "0"));
        assertFalse(codec.isWellFormed(t.substring(1)));
        assertFalse(codec.isWellFormed(t.substring(0, 20) + "-" + t.substring(21)));
        assertFalse(codec.isWellFormed(t.substring(0, 20) + "\u00e9" + t.substring(21)));
    }

    private static String reference(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(crc.getValue());
    }

    private static String base62(long value) {
        char[] out = new char[6];
        for (int i = 5; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
