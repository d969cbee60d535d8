package dev.gatehouse.internal.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TotpTest {

    private static final byte[] SEED20 = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED32 = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEED64 = "1234567890123456789012345678901234567890123456789012345678901234"
            .getBytes(StandardCharsets.US_ASCII);
    /** A step boundary: 1111111110 is 37037037 * 30. */
    private static final Instant BOUNDARY = Instant.ofEpochSecond(1_111_111_110L);

    /** RFC 6238 Appendix B, all 18 rows. */
    @ParameterizedTest(name = "t={0} {1}")
    @CsvSource({
        "59, HmacSHA1, 94287082", "59, HmacSHA256, 46119246", "59, HmacSHA512, 90693936",
        "1111111109, HmacSHA1, 07081804", "1111111109, HmacSHA256, 68084774", "1111111109, HmacSHA512, 25091201",
        "1111111111, HmacSHA1, 14050471", "1111111111, HmacSHA256, 67062674", "1111111111, HmacSHA512, 99943326",
        "1234567890, HmacSHA1, 89005924", "1234567890, HmacSHA256, 91819424", "1234567890, HmacSHA512, 93441116",
        "2000000000, HmacSHA1, 69279037", "2000000000, HmacSHA256, 90698825", "2000000000, HmacSHA512, 38618901",
        "20000000000, HmacSHA1, 65353130", "20000000000, HmacSHA256, 77737706", "20000000000, HmacSHA512, 47863826"})
    void matchesEveryRfc6238TestVector(long epochSecond, String algorithm, String expected) {
        byte[] seed = switch (algorithm) {
            case "HmacSHA1" -> SEED20;
            case "HmacSHA256" -> SEED32;
            default -> SEED64;
        };
        assertEquals(expected, Totp.code(algorithm, seed, Totp.step(Instant.ofEpochSecond(epochSecond)), 8));
    }

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "20000000000, 353130"})
    void theAppCodeIsTheLastSixDigitsOfTheSha1VectorZeroPadded(long epochSecond, String expected) {
        assertEquals(expected, Totp.code(SEED20, Totp.step(Instant.ofEpochSecond(epochSecond))));
    }

    @Test
    void stepsChangeEveryThirtySecondsOnTheBoundary() {
        long s = Totp.step(BOUNDARY);
        assertEquals(37_037_037L, s);
        assertEquals(s - 1, Totp.step(BOUNDARY.minusSeconds(1)));
        assertEquals(s, Totp.step(BOUNDARY.plusSeconds(29)));
        assertEquals(s + 1, Totp.step(BOUNDARY.plusSeconds(30)));
        assertEquals(0L, Totp.step(Instant.ofEpochSecond(29)));
        assertEquals(1L, Totp.step(Instant.ofEpochSecond(30)));
    }

    @Test
    void acceptsTheCurrentStepAndOneEitherSideAndSaysWhichMatched() {
        long s = Totp.step(BOUNDARY);
        for (long d = -1; d <= 1; d++) {
            assertEquals(OptionalLong.of(s + d), Totp.matchingStep(SEED20, Totp.code(SEED20, s + d), BOUNDARY));
        }
    }

    @Test
    void refusesCodesTwoStepsAwayEitherSide() {
        long s = Totp.step(BOUNDARY);
        String early = Totp.code(SEED20, s - 2);
        String late = Totp.code(SEED20, s + 2);
        for (long d = -1; d <= 1; d++) { // the codes really differ from the accepted ones
            assertNotEquals(early, Totp.code(SEED20, s + d));
            assertNotEquals(late, Totp.code(SEED20, s + d));
        }
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, early, BOUNDARY));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, late, BOUNDARY));
    }

    @Test
    void theWindowMovesAtTheStepBoundaryAndNotBefore() {
        long s = Totp.step(BOUNDARY);
        String previous = Totp.code(SEED20, s - 1);
        String next = Totp.code(SEED20, s + 2);
        Instant lastSecond = BOUNDARY.plusSeconds(29);
        Instant firstOfNext = BOUNDARY.plusSeconds(30);
        assertEquals(OptionalLong.of(s - 1), Totp.matchingStep(SEED20, previous, lastSecond));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, previous, firstOfNext));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, next, lastSecond));
        assertEquals(OptionalLong.of(s + 2), Totp.matchingStep(SEED20, next, firstOfNext));
    }

    @Test
    void toleratesSpacesAroundAndInsideTheCode() {
        long s = Totp.step(BOUNDARY);
        String code = Totp.code(SEED20, s);
        OptionalLong expected = OptionalLong.of(s);
        assertEquals(expected, Totp.matchingStep(SEED20, "  " + code + " ", BOUNDARY));
        assertEquals(expected, Totp.matchingStep(SEED20, code.substring(0, 3) + " " + code.substring(3), BOUNDARY));
        assertEquals(expected, Totp.matchingStep(SEED20, "\t" + code + "\n", BOUNDARY));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "      ", "12345", "1234567", "12a456", "12-456", "+12345", "-12345", "12345\u0000"})
    void refusesWhatCannotBeACodeWithoutThrowing(String typed) {
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, typed, BOUNDARY));
    }

    @Test
    void refusesTheRightCodeWrittenInOtherDigits() {
        String code = Totp.code(SEED20, Totp.step(BOUNDARY));
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, shift(code, '\u0660'), BOUNDARY)); // Arabic-Indic
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, shift(code, '\uff10'), BOUNDARY)); // full width
        assertEquals(OptionalLong.empty(), Totp.matchingStep(SEED20, shift(code, '\u0966'), BOUNDARY)); // Devanagari
        assertTrue(Totp.matchingStep(SEED20, shift(code, '0'), BOUNDARY).isPresent());
    }

    @Test
    void refusesACodeMadeWithAnotherSecret() {
        byte[] other = SEED20.clone();
        other[0] ^= 1;
        String code = Totp.code(other, Totp.step(BOUNDARY));
        long s = Totp.step(BOUNDARY);
        for (long d = -1; d <= 1; d++) {
            assertNotEquals(code, Totp.code(SEED20, s + d));
        }
        assertFalse(Totp.matchingStep(SEED20, code, BOUNDARY).isPresent());
    }

    @Test
    void newSecretsAre160RandomBits() {
        byte[] a = Totp.newSecret();
        byte[] b = Totp.newSecret();
        assertEquals(20, a.length);
        assertEquals(Totp.SECRET_BYTES * 8, 160);
        assertFalse(Arrays.equals(a, b));
    }

    private static String shift(String asciiDigits, char zero) {
        StringBuilder out = new StringBuilder();
        for (char c : asciiDigits.toCharArray()) {
            out.append((char) (zero + (c - '0')));
        }
        return out.toString();
    }
}
