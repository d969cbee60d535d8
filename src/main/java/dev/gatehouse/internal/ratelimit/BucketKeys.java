package dev.gatehouse.internal.ratelimit;

import dev.gatehouse.internal.account.Identifiers;
import dev.gatehouse.internal.crypto.SecureTokens;

/** How a counter's key in {@code ratelimit_buckets} is spelled: {@code scope:identifier:window}. */
public final class BucketKeys {

    private static final int MAX_KEY = 320;

    private BucketKeys() {
    }

    /** {@code scope:identifier:}; an identifier too long for the key column is replaced by its SHA-256. */
    public static String prefix(String scope, String identifier) {
        String p = scope + ":" + identifier + ":";
        if (p.length() + 12 > MAX_KEY || Identifiers.hasControl(identifier)) {
            p = scope + ":sha256=" + SecureTokens.sha256Hex(identifier) + ":";
        }
        return p;
    }
}
