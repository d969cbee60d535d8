package dev.gatehouse.internal.mfa;

import dev.gatehouse.internal.crypto.SecureTokens;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recovery codes for a lost authenticator: 120 random bits each, written as 24 characters of
 * Crockford's base32 in six groups ({@code xxxx-xxxx-xxxx-xxxx-xxxx-xxxx}, lower case), whose alphabet
 * has no i, l, o or u, so what a person reads off paper and types back is forgiving. 120 bits clears
 * the checklist's bar (F-2, ASVS 6.5.2: at least 112 bits for a code stored under a plain hash).
 */
public final class RecoveryCodes {

    /** Codes issued at a time. */
    public static final int COUNT = 10;
    /** Characters in a code, without its dashes. */
    static final int LENGTH = 24;
    private static final int RANDOM_BYTES = LENGTH * 5 / 8;
    private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

    private RecoveryCodes() {
    }

    /** {@link #COUNT} distinct new codes, formatted {@code xxxx-xxxx-xxxx-xxxx-xxxx-xxxx}. */
    public static List<String> generate() {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < COUNT) {
            codes.add(format(Base32.encode(SecureTokens.randomBytes(RANDOM_BYTES), ALPHABET)));
        }
        return List.copyOf(codes);
    }

    /**
     * The canonical form of a typed code: lower case, without spaces or dashes, with the look-alikes
     * i and l read as 1 and o as 0.
     *
     * @return empty for anything that cannot be a code: null, another length, a character outside the
     *         alphabet (u included)
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder(LENGTH);
        for (char c : typed.toCharArray()) {
            // Only ASCII folds: toLowerCase would turn the Kelvin sign into 'k'.
            char lower = c >= 'A' && c <= 'Z' ? (char) (c - 'A' + 'a') : c;
            char mapped = switch (lower) {
                case ' ', '-' -> 0;
                case 'i', 'l' -> '1';
                case 'o' -> '0';
                default -> lower;
            };
            if (mapped == 0) {
                continue;
            }
            if (ALPHABET.indexOf(mapped) < 0) {
                return Optional.empty();
            }
            out.append(mapped);
        }
        return out.length() == LENGTH ? Optional.of(out.toString()) : Optional.empty();
    }

    /**
     * The at-rest form of a code: lower-case hex SHA-256 of its canonical form. A fast, unsalted hash,
     * like API tokens': a code is 120 random bits, with no dictionary to try (the checklist's F-2, ASVS
     * 6.5.2, allows a plain hash from 112 bits), and an unsalted hash lets the code be found by one
     * indexed lookup.
     *
     * @throws IllegalArgumentException {@code normalised} is not a canonical code from {@link #normalise}
     */
    public static String hash(String normalised) {
        if (normalised == null || !normalise(normalised).filter(normalised::equals).isPresent()) {
            throw new IllegalArgumentException("hash takes a code in the canonical form normalise returns");
        }
        return SecureTokens.sha256Hex(normalised);
    }

    private static String format(String code) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < code.length(); i += 4) {
            out.append(i == 0 ? "" : "-").append(code, i, i + 4);
        }
        return out.toString();
    }
}
