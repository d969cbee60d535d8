package dev.gatehouse.internal.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets kept in the database (a TOTP seed, say), under a key derived from the
 * keyring for one purpose. A sealed value reads {@code v1.<keyId>.<base64url(nonce || ciphertext+tag)>}
 * with a random 12-byte nonce. It is bound to a context, such as the owner's user id, through the GCM
 * associated data (with the version and key id), so a value copied to another row does not open there.
 * Rotation: values sealed under an older key open as long as it stays in the ring;
 * {@link #needsReseal} says when to seal them again under the signing key.
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final Keyring keyring;
    private final String purpose;

    /**
     * @param keyring the server's keys; the signing key seals
     * @param purpose separates this box's keys from every other use of the keyring, e.g. {@code "totp-secret"}
     */
    public SecretBox(Keyring keyring, String purpose) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a SecretBox needs a purpose");
        }
        this.purpose = "secretbox:" + purpose;
    }

    /** {@code plaintext} sealed under the signing key and bound to {@code boundTo}; differs on every call. */
    public String seal(byte[] plaintext, String boundTo) {
        Objects.requireNonNull(plaintext, "plaintext");
        String keyId = keyring.signingId();
        byte[] nonce = SecureTokens.randomBytes(NONCE_BYTES);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, keyId, nonce, aad(keyId, boundTo), plaintext);
        byte[] body = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return VERSION + "." + keyId + "." + B64.encodeToString(body);
    }

    /**
     * The plaintext of {@code sealed}, if it was sealed by this box's purpose, bound to {@code boundTo},
     * under a key still in the ring, and not altered.
     *
     * @throws IllegalStateException otherwise; the message names the key id (never key material) and
     *                               whether the key is missing, the value malformed or its check failed
     */
    public byte[] open(String sealed, String boundTo) {
        Parts parts = parse(sealed);
        if (!keyring.has(parts.keyId)) {
            throw new IllegalStateException("cannot open a sealed secret: key '" + parts.keyId
                    + "' is not in secretKeys (put it back after the new key to read what it sealed)");
        }
        byte[] body = parts.body;
        if (body.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("cannot open a sealed secret under key '" + parts.keyId + "': too short");
        }
        byte[] nonce = Arrays.copyOfRange(body, 0, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(body, NONCE_BYTES, body.length);
        return run(Cipher.DECRYPT_MODE, parts.keyId, nonce, aad(parts.keyId, boundTo), ciphertext);
    }

    /**
     * True when {@code sealed} was not sealed under the current signing key (or cannot be read at all),
     * so the caller seals its plaintext again after the next successful {@link #open}.
     */
    public boolean needsReseal(String sealed) {
        try {
            return !parse(sealed).keyId.equals(keyring.signingId());
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private record Parts(String keyId, byte[] body) {
    }

    private static Parts parse(String sealed) {
        String[] parts = sealed == null ? new String[0] : sealed.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
            throw new IllegalStateException("cannot open a sealed secret: not a " + VERSION + " sealed value");
        }
        try {
            return new Parts(parts[1], UNB64.decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("cannot open a sealed secret under key '" + parts[1] + "': not base64url");
        }
    }

    /** The version and key id are authenticated too; no key id contains '.', so the join is unambiguous. */
    private static byte[] aad(String keyId, String boundTo) {
        Objects.requireNonNull(boundTo, "boundTo");
        return (VERSION + "." + keyId + "." + boundTo).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, String keyId, byte[] nonce, byte[] aad, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(keyring.derive(keyId, purpose), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot open a sealed secret under key '" + keyId
                    + "': it was altered, or sealed for another purpose or owner");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM failed under key '" + keyId + "'", e);
        }
    }
}
