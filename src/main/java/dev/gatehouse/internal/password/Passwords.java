package dev.gatehouse.internal.password;

import java.text.Normalizer;

/**
 * The one form a password is checked and hashed in: Unicode NFKC (NIST SP 800-63B 5.1.1.2), so
 * the same password typed as composed or decomposed characters, full-width or ligature forms on
 * another device is the same password. A string with an unpaired UTF-16 surrogate is not text at
 * all: it is refused, never turned into '?' (which made it equal to every other such password).
 */
public final class Passwords {

    public static final String LONE_SURROGATE = "Password contains an invalid character (an unpaired UTF-16 "
            + "surrogate); send it as valid UTF-8 text.";

    private Passwords() {
    }

    /** The NFKC form; the string itself when it is already normalised. */
    public static String normalise(String password) {
        return Normalizer.isNormalized(password, Normalizer.Form.NFKC) ? password
                : Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** True if the string holds a high surrogate without its low one, or a low one alone. */
    public static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
