package dev.gatehouse.passkey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A registered passkey as its owner sees it; the public key and the credential id stay inside Gatehouse.
 *
 * @param id         Gatehouse's own id of the passkey (for rename and delete), not the WebAuthn credential id
 * @param name       the owner's label ("Laptop", "Phone"); defaults to "Passkey" and a date
 * @param createdAt  when it was registered
 * @param lastUsedAt when it last signed in or re-authenticated, null if never
 * @param backedUp   the authenticator reported it as synced to other devices (backup state flag)
 * @param transports what the browser reported it can be reached by ({@code internal}, {@code usb}, {@code hybrid}, ...)
 */
public record Passkey(String id, String name, Instant createdAt, Instant lastUsedAt, boolean backedUp, List<String> transports) {
    public Passkey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        transports = List.copyOf(transports);
    }
}
