package dev.gatehouse.internal.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's secret keys, each with an id: the first signs, every one verifies, so a key is
 * rotated by putting a new one in front and dropping the old one once what it signed has expired.
 * Keys are never used directly: every purpose (device cookies, audit fingerprints, later secrets)
 * gets its own key derived with HMAC-SHA256, so one purpose's output never verifies for another.
 * Written as {@code id:BASE64,id:BASE64}; {@link #toString()} shows the ids only.
 */
public final class Keyring {

    /** Shortest key accepted: 256 bits, the HMAC-SHA256 block security. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String HOW = "generate a key with `openssl rand -base64 32` and write the setting as "
            + "'k2:<new key>,k1:<old key>' (the first key signs, all verify)";

    private final Map<String, byte[]> keys;
    private final String signingId;
    private final boolean ephemeral;

    private Keyring(Map<String, byte[]> keys, boolean ephemeral) {
        this.keys = keys;
        this.signingId = keys.keySet().iterator().next();
        this.ephemeral = ephemeral;
    }

    /**
     * Parses the {@code secretKeys} setting.
     *
     * @throws IllegalArgumentException the text is not a list of {@code id:base64key} entries with
     *                                  distinct ids and keys of at least 32 bytes; the message says
     *                                  which entry and how to fix it, and never shows a key
     */
    public static Keyring parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("secretKeys is empty; " + HOW);
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String[] entries = spec.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            String where = "secretKeys entry " + (i + 1);
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + " has no key id: write it as 'id:BASE64'; " + HOW);
            }
            String id = entry.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,16}")) {
                throw new IllegalArgumentException(where + ": the key id must be 1-16 letters, digits, '_' or '-' (got '"
                        + id.replaceAll("[^\\x20-\\x7e]", "?") + "')");
            }
            byte[] key = decode(entry.substring(colon + 1).trim(), where + " ('" + id + "')");
            if (keys.put(id, key) != null) {
                throw new IllegalArgumentException(where + ": key id '" + id + "' appears twice; give every key its own id");
            }
        }
        return new Keyring(keys, false);
    }

    /** A random key for this process only: what it signs does not survive a restart or reach another node. */
    public static Keyring ephemeral() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("process", SecureTokens.randomBytes(MIN_KEY_BYTES));
        return new Keyring(keys, true);
    }

    private static byte[] decode(String text, String where) {
        byte[] key;
        try {
            key = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": the key is not valid base64; " + HOW);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(where + ": the key must be at least " + MIN_KEY_BYTES
                    + " bytes (got " + key.length + "); " + HOW);
        }
        return key;
    }

    /** The id of the key that signs. */
    public String signingId() {
        return signingId;
    }

    /** HMAC-SHA256 of {@code data} under the signing key's subkey for {@code purpose}. */
    public byte[] sign(String purpose, byte[] data) {
        return hmac(subkey(keys.get(signingId), purpose), data);
    }

    /**
     * Whether {@code mac} is the HMAC of {@code data} under key {@code keyId}'s subkey for
     * {@code purpose}, compared in constant time. False for an unknown key id.
     */
    public boolean verify(String keyId, String purpose, byte[] data, byte[] mac) {
        byte[] key = keyId == null ? null : keys.get(keyId);
        return key != null && mac != null && MessageDigest.isEqual(hmac(subkey(key, purpose), data), mac);
    }

    /** A 32-byte key for {@code purpose}, derived from the signing key (changes when the signing key does). */
    public byte[] derive(String purpose) {
        return subkey(keys.get(signingId), purpose);
    }

    /** Whether a key with id {@code keyId} is in this keyring. */
    public boolean has(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /**
     * A 32-byte key for {@code purpose}, derived from key {@code keyId}: what was sealed under an older
     * key still opens while that key stays in the ring.
     *
     * @throws IllegalArgumentException no key has that id (check with {@link #has}); the message names
     *                                  the id, never a key
     */
    public byte[] derive(String keyId, String purpose) {
        byte[] key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no key with id '" + keyId + "' in secretKeys");
        }
        return subkey(key, purpose);
    }

    /** HMAC-SHA256. */
    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static byte[] subkey(byte[] key, String purpose) {
        return hmac(key, ("gatehouse-subkey:" + purpose).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Keyring" + (ephemeral ? "[per-process key]" : keys.keySet());
    }
}
