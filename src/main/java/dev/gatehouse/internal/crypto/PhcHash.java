package dev.gatehouse.internal.crypto;

import java.util.Base64;
import java.util.Optional;

/**
 * A parsed Argon2 PHC string, {@code $argon2id$v=19$m=65536,t=3,p=2$<salt>$<hash>} with unpadded
 * standard base64. Parsing never throws: anything unexpected is empty.
 */
record PhcHash(String type, int version, int memoryKib, int timeCost, int parallelism, byte[] salt, byte[] hash) {

    /** Refuse to run stored hashes that would cost more than this (a tampered row must not DoS us). */
    private static final int MAX_MEMORY_KIB = 1 << 20;
    private static final int MAX_TIME_COST = 64;

    static Optional<PhcHash> parse(String phc) {
        if (phc == null || !phc.startsWith("$argon2")) {
            return Optional.empty();
        }
        String[] parts = phc.split("\\$", -1);
        // ["", type, v=19, params, salt, hash] or without the version field (v=16)
        if (parts.length != 6 && parts.length != 5) {
            return Optional.empty();
        }
        try {
            String type = parts[1];
            if (!type.equals("argon2id") && !type.equals("argon2i") && !type.equals("argon2d")) {
                return Optional.empty();
            }
            int i = 2;
            int version = 0x10;
            if (parts.length == 6) {
                if (!parts[2].startsWith("v=")) {
                    return Optional.empty();
                }
                version = Integer.parseInt(parts[2].substring(2));
                i = 3;
            }
            int m = -1;
            int t = -1;
            int p = -1;
            for (String kv : parts[i].split(",")) {
                String[] pair = kv.split("=", 2);
                if (pair.length != 2) {
                    return Optional.empty();
                }
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> { /* keyid/data: not used by Gatehouse, ignored */ }
                }
            }
            byte[] salt = Base64.getDecoder().decode(parts[i + 1]);
            byte[] hash = Base64.getDecoder().decode(parts[i + 2]);
            boolean sane = (version == 0x10 || version == 0x13) && p >= 1 && p <= 255 && t >= 1
                    && t <= MAX_TIME_COST && m >= 8 * p && m <= MAX_MEMORY_KIB && salt.length >= 8
                    && hash.length >= 4 && hash.length <= 128;
            return sane ? Optional.of(new PhcHash(type, version, m, t, p, salt, hash)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    String format() {
        Base64.Encoder enc = Base64.getEncoder().withoutPadding();
        return "$" + type + "$v=" + version + "$m=" + memoryKib + ",t=" + timeCost + ",p=" + parallelism + "$"
                + enc.encodeToString(salt) + "$" + enc.encodeToString(hash);
    }
}
