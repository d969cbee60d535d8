package dev.gatehouse.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** Random secrets (32 bytes, base64url without padding) and their SHA-256 at-rest form. */
public final class SecureTokens {

    /** Length of every session and single-use token. */
    public static final int TOKEN_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    /**
     * Cloned for each digest: {@code MessageDigest.getInstance} walks the security providers on every call,
     * a sixth of resolving a cached session (JFR, 2026-12-01), on every authenticated request.
     */
    private static final MessageDigest SHA_256 = newSha256();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SecureTokens() {
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** 256 random bits as 43 base64url characters. */
    public static String newToken() {
        return URL.encodeToString(randomBytes(32));
    }

    /** A new user or API-token id: a random UUID as 32 lowercase hex characters. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes. */
    public static String sha256Hex(String value) {
        byte[] digest = sha256(value.getBytes(StandardCharsets.UTF_8));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            hex[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(hex);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(bytes);
        } catch (CloneNotSupportedException e) {
            return newSha256().digest(bytes); // a provider whose digest cannot be cloned: look it up each time
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** True if the value could be a token this class made: 43 characters of the base64url alphabet. */
    public static boolean isWellFormed(String raw) {
        if (raw == null || raw.length() != TOKEN_LENGTH) {
            return false;
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
