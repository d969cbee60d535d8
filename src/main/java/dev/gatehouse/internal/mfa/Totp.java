package dev.gatehouse.internal.mfa;

import dev.gatehouse.internal.crypto.SecureTokens;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 6 digits,
 * 30-second steps. Stateless: refusing a code used before (same or earlier step) is the caller's job,
 * with the step {@link #matchingStep} returns.
 */
public final class Totp {

    /** Digits in a code. */
    public static final int DIGITS = 6;
    /** Seconds in a step. */
    public static final int PERIOD_SECONDS = 30;
    /** Secret length: 160 bits, the HMAC-SHA1 output size RFC 4226 recommends. */
    public static final int SECRET_BYTES = 20;
    /** Steps accepted either side of the current one, for clock drift and typing time. */
    static final int DRIFT_STEPS = 1;

    private static final long[] POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L};

    private Totp() {
    }

    /** A new random secret of {@link #SECRET_BYTES} bytes from {@code SecureRandom}. */
    public static byte[] newSecret() {
        return SecureTokens.randomBytes(SECRET_BYTES);
    }

    /** The step {@code t} falls in: whole 30-second periods since the epoch, rounded down. */
    public static long step(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), PERIOD_SECONDS);
    }

    /** The 6-digit HMAC-SHA1 code for {@code step}, zero-padded. */
    public static String code(byte[] secret, long step) {
        return code("HmacSHA1", secret, step, DIGITS);
    }

    /**
     * The RFC 6238 code in its general form.
     *
     * @param hmacAlgorithm a JCA MAC name: {@code HmacSHA1}, {@code HmacSHA256} or {@code HmacSHA512}
     * @param digits        1 to 9
     * @throws IllegalArgumentException an unknown algorithm or digits out of range
     */
    public static String code(String hmacAlgorithm, byte[] secret, long step, int digits) {
        if (digits < 1 || digits >= POWERS.length) {
            throw new IllegalArgumentException("digits must be 1-9 (got " + digits + ")");
        }
        byte[] hash = hmac(hmacAlgorithm, secret, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        long binary = ((hash[offset] & 0x7fL) << 24) | ((hash[offset + 1] & 0xffL) << 16)
                | ((hash[offset + 2] & 0xffL) << 8) | (hash[offset + 3] & 0xffL);
        String code = Long.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    /**
     * The step among now-1, now and now+1 whose code is {@code typed}, the latest if several are.
     * Every candidate is compared in constant time, all three always. Spaces around the code and
     * between its digits are ignored.
     *
     * @return empty for a wrong code and for anything that cannot be one (null, not six ASCII digits)
     */
    public static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
        String code = typed == null ? null : typed.strip().replace(" ", "");
        if (!isSixAsciiDigits(code)) {
            return OptionalLong.empty();
        }
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long matched = Long.MIN_VALUE;
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            boolean equal = MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII), given);
            matched = equal ? s : matched;
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }

    private static boolean isSixAsciiDigits(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("unsupported HMAC algorithm " + algorithm, e);
        }
    }
}
