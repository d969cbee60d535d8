package dev.gatehouse.internal.apitoken;

import dev.gatehouse.internal.crypto.SecureTokens;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Personal access token format: prefix + 43 base62 characters (256 random bits) + 6 base62
 * characters of CRC32 over everything before them, so a secret scanner can tell a real token
 * from noise offline (the scheme GitHub uses for {@code ghp_} tokens).
 */
public final class PatCodec {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int SECRET_LENGTH = 43;
    private static final int CHECKSUM_LENGTH = 6;

    private final String prefix;
    private final byte[] prefixBytes;

    public PatCodec(String prefix) {
        this.prefix = prefix;
        this.prefixBytes = prefix.getBytes(StandardCharsets.US_ASCII);
    }

    public int tokenLength() {
        return prefix.length() + SECRET_LENGTH + CHECKSUM_LENGTH;
    }

    public String generate() {
        String body = prefix + base62(new BigInteger(1, SecureTokens.randomBytes(32)), SECRET_LENGTH);
        return body + checksum(body);
    }

    /**
     * Prefix, length, alphabet and checksum all right. Cheap; no I/O. It runs on every request with a
     * bearer token, so it neither copies the token nor divides BigIntegers.
     */
    public boolean isWellFormed(String raw) {
        if (raw == null || raw.length() != tokenLength() || !raw.startsWith(prefix)) {
            return false;
        }
        for (int i = prefix.length(); i < raw.length(); i++) {
            if (digit(raw.charAt(i)) < 0) {
                return false;
            }
        }
        int split = raw.length() - CHECKSUM_LENGTH;
        CRC32 crc = new CRC32();
        crc.update(prefixBytes);
        for (int i = prefix.length(); i < split; i++) {
            crc.update(raw.charAt(i)); // base62 characters, checked above: each one's ASCII byte is the char
        }
        long sum = 0;
        for (int i = split; i < raw.length(); i++) {
            sum = sum * 62 + digit(raw.charAt(i));
        }
        return sum == crc.getValue();
    }

    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return base62(BigInteger.valueOf(crc.getValue()), CHECKSUM_LENGTH);
    }

    /** The value of a base62 character, or -1. */
    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }

    private static String base62(BigInteger value, int width) {
        StringBuilder b = new StringBuilder();
        BigInteger base = BigInteger.valueOf(62);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(base);
            b.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        while (b.length() < width) {
            b.append('0');
        }
        return b.reverse().toString();
    }
}
