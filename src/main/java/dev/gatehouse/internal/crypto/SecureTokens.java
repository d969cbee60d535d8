package dev.gatehouse.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** Random secrets (32 bytes, base64url without padding) and their SHA-256 at-rest form. */
public final class SecureTokens {

    /** Length of every session and single-use token. */
    public static final int TOKEN_LENGTH = 43;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

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
        return HexFormat.of().formatHex(sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
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
