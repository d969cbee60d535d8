package dev.gatehouse.internal.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Jakarta Security's {@code Pbkdf2PasswordHash} stored format,
 * {@code PBKDF2WithHmacSHA256:iterations:base64(salt):base64(hash)}, verify only: accounts
 * imported from a Soteria {@code DatabaseIdentityStore} table sign in once and are re-hashed.
 */
record Pbkdf2Hash(String algorithm, int iterations, byte[] salt, byte[] hash) {

    private static final int MAX_ITERATIONS = 5_000_000;

    static Optional<Pbkdf2Hash> parse(String stored) {
        if (stored == null || !stored.startsWith("PBKDF2WithHmacSHA")) {
            return Optional.empty();
        }
        String[] parts = stored.split(":", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        String alg = parts[0];
        if (!alg.equals("PBKDF2WithHmacSHA224") && !alg.equals("PBKDF2WithHmacSHA256")
                && !alg.equals("PBKDF2WithHmacSHA384") && !alg.equals("PBKDF2WithHmacSHA512")) {
            return Optional.empty();
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] hash = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > MAX_ITERATIONS || salt.length < 8 || hash.length < 16) {
                return Optional.empty();
            }
            return Optional.of(new Pbkdf2Hash(alg, iterations, salt, hash));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean matches(String password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, hash.length * 8);
            byte[] computed = SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
            spec.clearPassword();
            return MessageDigest.isEqual(computed, hash);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
