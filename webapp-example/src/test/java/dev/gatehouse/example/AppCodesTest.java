package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The tests' code helper against RFC 6238 Appendix B (the SHA-1 rows, last six digits). */
class AppCodesTest {

    /** The RFC's SHA-1 seed, "12345678901234567890", in base32. */
    static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    @Test
    void codesMatchTheRfcVectors() {
        assertEquals("12345678901234567890", new String(AppCodes.base32(SEED), StandardCharsets.US_ASCII));
        assertEquals("287082", AppCodes.at(SEED, Instant.ofEpochSecond(59)));
        assertEquals("081804", AppCodes.at(SEED, Instant.ofEpochSecond(1111111109)));
        assertEquals("050471", AppCodes.at(SEED, Instant.ofEpochSecond(1111111111)));
        assertEquals("005924", AppCodes.at(SEED, Instant.ofEpochSecond(1234567890)));
        assertEquals("279037", AppCodes.at(SEED, Instant.ofEpochSecond(2000000000)));
        assertEquals("353130", AppCodes.at(SEED, Instant.ofEpochSecond(20000000000L)));
    }
}
