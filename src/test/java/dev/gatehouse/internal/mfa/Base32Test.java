package dev.gatehouse.internal.mfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Base32Test {

    /** RFC 4648 section 10, without the padding encode leaves out. */
    @ParameterizedTest
    @CsvSource(value = {"'',''", "f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI"})
    void encodesTheRfc4648VectorsWithoutPadding(String text, String base32) {
        assertEquals(base32, Base32.encode(text.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), Base32.decode(base32));
    }

    @ParameterizedTest
    @CsvSource({"f,MY======", "fo,MZXQ====", "foo,MZXW6===", "foob,MZXW6YQ=", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI======"})
    void decodesTheRfc4648VectorsWithTheirPadding(String text, String padded) {
        assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), Base32.decode(padded));
    }

    @Test
    void decodesWhatAPersonTypesLowerCaseAndSpaced() {
        assertArrayEquals("foobar".getBytes(StandardCharsets.US_ASCII), Base32.decode(" mzxw 6ytb oi "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"MZXW1YTB", "MZXW0YTB", "MZXW8YTB", "MZ=XW6YTB", "MZXW6YTB!", "M", "MZX", "MZXW6Y", "MZ", "MÿXQ"})
    void refusesCharactersOutsideTheAlphabetImpossibleLengthsAndStrayBits(String bad) {
        assertThrows(IllegalArgumentException.class, () -> Base32.decode(bad));
    }

    @Test
    void roundTripsEveryLengthUpToForty() {
        Random random = new Random(4648);
        for (int n = 0; n <= 40; n++) {
            byte[] bytes = new byte[n];
            random.nextBytes(bytes);
            String encoded = Base32.encode(bytes);
            assertEquals((n * 8 + 4) / 5, encoded.length());
            assertArrayEquals(bytes, Base32.decode(encoded));
        }
    }
}
