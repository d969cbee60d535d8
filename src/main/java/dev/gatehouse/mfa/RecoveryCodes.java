package dev.gatehouse.mfa;

import java.util.List;

/**
 * Freshly issued recovery codes, to show the user once: only their hashes are kept, and each works
 * once in place of an authenticator code. Issuing new ones voids the old ones.
 *
 * @param codes the codes, formatted {@code xxxx-xxxx-xxxx-xxxx} (80 random bits each)
 */
public record RecoveryCodes(List<String> codes) {
    public RecoveryCodes {
        codes = List.copyOf(codes);
    }

    /** Counts the codes only: they must never reach a log. */
    @Override
    public String toString() {
        return "RecoveryCodes[" + codes.size() + " codes]";
    }
}
