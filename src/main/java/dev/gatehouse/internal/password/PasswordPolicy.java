package dev.gatehouse.internal.password;

import dev.gatehouse.ValidationException;
import dev.gatehouse.account.WeakPasswordException;
import dev.gatehouse.config.AuthSettings;
import java.util.Locale;

/**
 * Length in code points, the common-password list, and context words (the email's local part and
 * the username). No composition rules (ASVS 6.2.5). Each rejection says why.
 */
public final class PasswordPolicy {

    /** Context words shorter than this are too generic to forbid inside a password. */
    private static final int MIN_CONTEXT_WORD = 3;

    private final AuthSettings settings;

    public PasswordPolicy(AuthSettings settings) {
        this.settings = settings;
        if (settings.passwords().rejectCommonPasswords()) {
            CommonPasswords.size(); // fail at start-up, not at the first sign-up, if the list is missing
        }
    }

    /** True if the password is longer than any acceptable one: callers skip hashing it. */
    public boolean overLength(String password) {
        return password.codePointCount(0, password.length()) > settings.passwords().passwordMaxLength();
    }

    /** @throws WeakPasswordException with the reason */
    public void check(String password, String email, String username) {
        if (password == null) {
            throw new WeakPasswordException("Please enter a password.");
        }
        if (Passwords.hasLoneSurrogate(password)) {
            throw new ValidationException(Passwords.LONE_SURROGATE);
        }
        if (overLength(password)) { // as given: sign-in refuses such input before any work
            throw new WeakPasswordException("Password is too long (at most " + settings.passwords().passwordMaxLength() + " characters).");
        }
        password = Passwords.normalise(password); // the rules apply to what is hashed
        int length = password.codePointCount(0, password.length());
        if (length < settings.passwords().passwordMinLength()) {
            throw new WeakPasswordException("Password must be at least " + settings.passwords().passwordMinLength() + " characters.");
        }
        if (length > settings.passwords().passwordMaxLength()) {
            throw new WeakPasswordException("Password is too long (at most " + settings.passwords().passwordMaxLength()
                    + " characters).");
        }
        if (settings.passwords().rejectCommonPasswords() && CommonPasswords.contains(password)) {
            throw new WeakPasswordException("This password is one of the most common passwords. "
                    + "Choose something less predictable, such as a few unrelated words.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String local = email == null ? null : email.substring(0, Math.max(0, email.lastIndexOf('@')));
        if (containsWord(lower, local)) {
            throw new WeakPasswordException("Password must not contain your email address.");
        }
        if (containsWord(lower, username)) {
            throw new WeakPasswordException("Password must not contain your username.");
        }
    }

    private static boolean containsWord(String lowerPassword, String word) {
        return word != null && word.length() >= MIN_CONTEXT_WORD && lowerPassword.contains(word.toLowerCase(Locale.ROOT));
    }
}
