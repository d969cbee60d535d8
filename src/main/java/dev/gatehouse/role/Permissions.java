package dev.gatehouse.role;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The permission grammar shared by roles and API-token scopes: {@code *}, or a body of
 * {@code [a-z0-9_.:-]} (1–128 characters) optionally ending in the wildcard {@code .*}.
 */
public final class Permissions {

    private static final Pattern BODY = Pattern.compile("[a-z0-9_.:-]+");

    private Permissions() {
    }

    /** True if {@code permission} (already trimmed) follows the grammar. */
    public static boolean isValid(String permission) {
        if (permission == null || permission.isEmpty() || permission.length() > 128) {
            return false;
        }
        if (permission.equals("*")) {
            return true;
        }
        String body = permission.endsWith(".*") ? permission.substring(0, permission.length() - 2) : permission;
        return !body.isEmpty() && BODY.matcher(body).matches();
    }

    /**
     * True if the granted string covers the requested one: {@code *} covers everything, equal
     * strings match, and {@code x.*} covers anything that starts with {@code x.} and is longer.
     */
    public static boolean covers(String granted, String requested) {
        if (granted.equals("*") || granted.equals(requested)) {
            return true;
        }
        if (granted.endsWith(".*")) {
            String prefix = granted.substring(0, granted.length() - 1);
            return requested.length() > prefix.length() && requested.startsWith(prefix);
        }
        return false;
    }

    /** True if any of {@code granted} covers {@code requested}. */
    public static boolean anyCovers(Collection<String> granted, String requested) {
        for (String g : granted) {
            if (covers(g, requested)) {
                return true;
            }
        }
        return false;
    }
}
