package dev.gatehouse.internal.policy;

import dev.gatehouse.AuthException;
import dev.gatehouse.AuthSettings;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises emails and usernames the same way on every write and every lookup. */
public final class Identifiers {

    private final AuthSettings settings;
    private final Pattern usernamePattern;

    public Identifiers(AuthSettings settings) {
        this.settings = settings;
        this.usernamePattern = Pattern.compile(settings.usernamePattern());
    }

    /**
     * Trim and lowercase; reject empty, no '@', '@' at either end, over 254 characters, or
     * control characters (a NUL or CR in an email is never legitimate).
     */
    public static String normaliseEmail(String raw) {
        String e = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (e.isEmpty() || !e.contains("@") || e.startsWith("@") || e.endsWith("@") || hasControl(e)) {
            throw new AuthException("Please enter a valid email address.");
        }
        if (e.length() > 254) {
            throw new AuthException("Email is too long.");
        }
        return e;
    }

    /** Applies the username policy; the message of the {@link AuthException} says what is wrong. */
    public String normaliseUsername(String raw) {
        String u = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            throw new AuthException("Please choose a username.");
        }
        if (u.length() < settings.usernameMinLength()) {
            throw new AuthException("Username must be at least " + settings.usernameMinLength() + " characters.");
        }
        if (u.length() > settings.usernameMaxLength()) {
            throw new AuthException("Username must be at most " + settings.usernameMaxLength() + " characters.");
        }
        if (!usernamePattern.matcher(u).lookingAt() || hasControl(u)) {
            throw new AuthException("Username may only contain lowercase letters, numbers, hyphens, and underscores.");
        }
        if (settings.usernameReserved().contains(u)) {
            throw new AuthException("That username is reserved. Please choose another.");
        }
        return u;
    }

    /** Lookup form for sign-in: trim and lowercase only, so the policy is not revealed. */
    public static String lookupForm(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** True if the string holds a control character (NUL, CR, LF, TAB, ...). */
    public static boolean hasControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
