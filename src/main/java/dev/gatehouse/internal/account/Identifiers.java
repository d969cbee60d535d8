package dev.gatehouse.internal.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.ValidationException;
import dev.gatehouse.config.AuthSettings;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises emails and usernames the same way on every write and every lookup. */
public final class Identifiers {

    /**
     * The local part (before the last '@'): RFC 5322 dot-atom in ASCII only, letters, digits and
     * {@code . ! # $ % & ' * + - / = ? ^ _ ` { | } ~}, no dot first, last or twice in a row. No
     * quoted strings, whitespace (NBSP included), {@code <>"}, commas, control or format
     * (zero-width) characters, and no non-ASCII letters, which could pass for other addresses.
     */
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** A domain after IDNA conversion: LDH labels of 1-63 characters. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final String INVALID_EMAIL = "Please enter a valid email address.";

    private final AuthSettings settings;
    private final Pattern usernamePattern;

    public Identifiers(AuthSettings settings) {
        this.settings = settings;
        this.usernamePattern = Pattern.compile(settings.accounts().usernamePattern());
    }

    /**
     * Trim and lowercase; the local part must be ASCII (as listed above), the domain letters,
     * digits, hyphens and dots, stored in its ASCII (IDNA, {@code xn--}) form so that no two
     * spellings of one domain make two accounts and no look-alike letter is ever shown. At most 254
     * characters, 64 before the '@'.
     *
     * @throws AuthException with a message that says what is wrong
     */
    public static String normaliseEmail(String raw) {
        String e = raw == null ? "" : raw.strip();
        int at = e.lastIndexOf('@');
        if (e.isEmpty() || at <= 0 || at == e.length() - 1 || hasControl(e)) {
            throw new ValidationException(INVALID_EMAIL);
        }
        if (e.length() > 254 || at > 64) {
            throw new ValidationException("Email is too long.");
        }
        if (!LOCAL.matcher(e.substring(0, at)).matches()) {
            throw new ValidationException("Please enter a valid email address: before the '@' only letters a-z, digits and "
                    + ". ! # $ % & ' * + - / = ? ^ _ ` { | } ~ (no spaces, quotes, commas or angle brackets).");
        }
        return e.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain(e.substring(at + 1));
    }

    /** The email as sign-in looks it up; null when no account can have it (then no database work at all). */
    public static String emailLookupForm(String raw) {
        try {
            return normaliseEmail(raw);
        } catch (AuthException e) {
            return null;
        }
    }

    private static String domain(String raw) {
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            if (!Character.isLetterOrDigit(c) && c != '-' && c != '.') {
                throw new ValidationException("Please enter a valid email address: the domain may only contain letters, "
                        + "digits, hyphens and dots.");
            }
            i += Character.charCount(c);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(raw, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(INVALID_EMAIL);
        }
        if (ascii.length() > 253 || !DOMAIN.matcher(ascii).matches()) {
            throw new ValidationException(INVALID_EMAIL);
        }
        return ascii;
    }

    /** Applies the username policy; the message of the {@link AuthException} says what is wrong. */
    public String normaliseUsername(String raw) {
        String u = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (u.isEmpty()) {
            throw new ValidationException("Please choose a username.");
        }
        if (u.length() < settings.accounts().usernameMinLength()) {
            throw new ValidationException("Username must be at least " + settings.accounts().usernameMinLength() + " characters.");
        }
        if (u.length() > settings.accounts().usernameMaxLength()) {
            throw new ValidationException("Username must be at most " + settings.accounts().usernameMaxLength() + " characters.");
        }
        if (!usernamePattern.matcher(u).lookingAt() || hasControl(u)) {
            throw new ValidationException("Username may only contain lowercase letters, numbers, hyphens, and underscores.");
        }
        if (settings.accounts().usernameReserved().contains(u)) {
            throw new ValidationException("That username is reserved. Please choose another.");
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

    /** The identifier the account signs in with (its failure lock and device cookies are keyed by it); the id if none. */
    static String signInIdentifier(dev.gatehouse.config.AuthSettings settings,
                                   dev.gatehouse.internal.persistence.UserEntity user) {
        String id = settings.accounts().identifier() == dev.gatehouse.config.Identifier.EMAIL ? user.email : user.username;
        return id == null ? user.id : id;
    }
}
