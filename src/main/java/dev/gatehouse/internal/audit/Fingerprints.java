package dev.gatehouse.internal.audit;

import dev.gatehouse.internal.crypto.Keyring;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Audit-log labels for identifiers that may belong to no account: {@code id#} and 64 bits of an
 * HMAC-SHA256 under a key derived from the keyring. Equal identifiers get equal labels while the
 * signing key stays (so a log reader can follow one target), but without the key no one can
 * confirm a guessed email by hashing it, as one could with the former unsalted SHA-256 prefix.
 */
public final class Fingerprints {

    static final String PURPOSE = "audit-fingerprint";

    private final byte[] key;

    public Fingerprints(Keyring keyring) {
        this.key = keyring.derive(PURPOSE);
    }

    public String of(String identifier) {
        byte[] mac = Keyring.hmac(key, identifier.getBytes(StandardCharsets.UTF_8));
        return "id#" + HexFormat.of().formatHex(mac, 0, 8);
    }
}
