package dev.gatehouse.internal.role;

import java.util.regex.Pattern;

/** Role-name grammar: lowercase slug runs joined by single '-' or '_', 1–64 characters. */
public final class RoleNames {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:[-_][a-z0-9]+)*");

    private RoleNames() {
    }

    /** @return the trimmed name. @throws IllegalArgumentException if it breaks the grammar */
    public static String validate(String raw) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.length() > 64 || !SLUG.matcher(n).matches()) {
            throw new IllegalArgumentException("Role name must be 1-64 lowercase letters or digits, runs joined by "
                    + "single '-' or '_' (got '" + raw + "')");
        }
        return n;
    }
}
