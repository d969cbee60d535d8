package dev.gatehouse.internal.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryCodesTest {

    /** Crockford's base32: digits and lower-case letters without i, l, o, u. */
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final String FORMAT = "[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){5}";

    @Test
    void generatesTenDistinctCodesInGroupsOfFour() {
        List<String> codes = RecoveryCodes.generate();
        assertEquals(10, codes.size());
        assertEquals(10, Set.copyOf(codes).size());
        for (String code : codes) {
            assertTrue(code.matches(FORMAT), code);
        }
    }

    /** 24 characters, each taking all 32 values at every position: 24 x 5 = 120 random bits. */
    @Test
    void everyPositionUsesTheWholeThirtyTwoCharacterAlphabet() {
        assertEquals(32, CROCKFORD.length());
        List<Set<Character>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            seen.add(new HashSet<>());
        }
        for (int batch = 0; batch < 300; batch++) { // 3000 codes: a missed value has odds ~ 32 * (31/32)^3000
            for (String code : RecoveryCodes.generate()) {
                String bare = code.replace("-", "");
                assertEquals(24, bare.length());
                for (int i = 0; i < 24; i++) {
                    seen.get(i).add(bare.charAt(i));
                }
            }
        }
        Set<Character> alphabet = new HashSet<>();
        CROCKFORD.chars().forEach(c -> alphabet.add((char) c));
        for (int i = 0; i < 24; i++) {
            assertEquals(alphabet, seen.get(i), "position " + i);
        }
    }

    @Test
    void normalisingAGeneratedCodeDropsItsDashes() {
        for (String code : RecoveryCodes.generate()) {
            assertEquals(Optional.of(code.replace("-", "")), RecoveryCodes.normalise(code));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"01ab-cdef-ghjk-mnpq-rstv-wxyz", "01AB-CDEF-GHJK-MNPQ-RSTV-WXYZ", "01abcdefghjkmnpqrstvwxyz", " 01ab cdef ghjk mnpq rstv wxyz ",
        "oIab-cdef-ghjk-mnpq-rstv-wxyz", "OLab-cdef-ghjk-mnpq-rstv-wxyz", "0iab-CDEF-GHJK-MNPQ-RSTV-WXYZ", "0lab--cdef-ghjk-mnpq-rstv-wxyz"})
    void readsCaseSpacingAndLookAlikesAsTheSameCode(String typed) {
        assertEquals(Optional.of("01abcdefghjkmnpqrstvwxyz"), RecoveryCodes.normalise(typed));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "----", "01ab-cdef-ghjk-rstv-wxyz-mnp", "01ab-cdef-ghjk-rstv-wxyz-mnpqr", "01ab-cdef-ghjk-rstv-wxyz-mnpu", "01ab_cdef_ghjk_rstv_wxyz_mnpq",
        "01ab-cdef-ghjk-rstv-wxyz-mnp!", "01ab-cdef-ghjk-rstv-wxyz-mnp\u212a", "01ab-cdef-ghjk-rstv-wxyz-mnp\uff41", "01ab-cdef-ghjk-rstv-wxyz-mnp\u0131",
        "01ab\tcdef\tghjk\trstv\twxyz\tmnpq", "01ab-cdef-ghjk-rstv-wxyz-mnp\u0000"})
    void refusesWhatCannotBeACode(String typed) {
        assertEquals(Optional.empty(), RecoveryCodes.normalise(typed));
    }

    @Test
    void hashIsSha256HexOfTheCanonicalCode() throws Exception {
        String canonical = "01abcdefghjkmnpqrstvwxyz";
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, RecoveryCodes.hash(canonical));
        assertEquals(expected, RecoveryCodes.hash(RecoveryCodes.normalise("OIAB CDEF GHJK MNPQ RSTV WXYZ").orElseThrow()));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"01ab-cdef-ghjk-mnpq-rstv-wxyz", "01ABCDEFGHJKMNPQRSTVWXYZ", "oiabcdefghjkmnpqrstvwxyz", "short"})
    void hashRefusesAnythingButTheCanonicalForm(String notCanonical) {
        assertThrows(IllegalArgumentException.class, () -> RecoveryCodes.hash(notCanonical));
    }
}
