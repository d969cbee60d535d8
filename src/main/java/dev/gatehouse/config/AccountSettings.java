package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.positive;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Accounts: how they are identified, who may sign up, and when failed sign-ins lock one.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param identifier             which field identifies an account at sign-in
 * @param usernameMinLength      shortest username
 * @param usernameMaxLength      longest username (at most 64)
 * @param usernamePattern        regular expression a username must match
 * @param usernameReserved       usernames nobody may take (stored trimmed and lower-case)
 * @param enableSignup           whether the HTTP API lets visitors create accounts
 * @param requireEmailVerified   an account with an unconfirmed email gets no session and cannot sign in
 * @param maxConsecutiveFailures failed sign-ins in a row that lock an account (at most 100, NIST SP 800-63B)
 * @param lockoutSeconds         quiet time after which the failure count of an account is forgotten
 */
public record AccountSettings(
        Identifier identifier,
        int usernameMinLength,
        int usernameMaxLength,
        String usernamePattern,
        Set<String> usernameReserved,
        boolean enableSignup,
        boolean requireEmailVerified,
        int maxConsecutiveFailures,
        long lockoutSeconds) {

    /** The built-in reserved usernames (pyxle-auth's list). */
    public static final Set<String> DEFAULT_RESERVED_USERNAMES = Set.copyOf(Arrays.asList((
            "admin administrator root superuser sysadmin system support help helpdesk staff team moderator mod "
            + "owner official security abuse postmaster webmaster noreply no-reply donotreply login logout "
            + "signin sign-in signout sign-out signup sign-up register auth oauth sso session account accounts "
            + "settings profile password verify me user users api app www mail email ftp smtp static assets "
            + "public cdn media files download downloads dashboard home index search explore billing payment "
            + "payments checkout status health metrics about contact terms privacy legal docs blog favicon "
            + "robots sitemap null undefined none nan anonymous guest test").split(" ")));

    public AccountSettings {
        if (identifier == null) {
            fail("identifier must be 'email' or 'username'");
        }
        if (usernameMinLength < 1) {
            fail("usernameMinLength must be >= 1 (got " + usernameMinLength + ")");
        }
        if (usernameMaxLength < usernameMinLength || usernameMaxLength > 64) {
            fail("usernameMaxLength must be between usernameMinLength and 64 (got " + usernameMaxLength + ")");
        }
        try {
            Pattern.compile(usernamePattern);
        } catch (PatternSyntaxException | NullPointerException e) {
            fail("usernamePattern is not a valid regular expression: " + usernamePattern);
        }
        usernameReserved = normalised(usernameReserved);
        if (maxConsecutiveFailures < 1 || maxConsecutiveFailures > 100) {
            fail("maxConsecutiveFailures must be between 1 and 100 (NIST SP 800-63B) (got " + maxConsecutiveFailures + ")");
        }
        positive("lockoutSeconds", lockoutSeconds);
    }

    private static Set<String> normalised(Set<String> reserved) {
        Set<String> out = new TreeSet<>();
        if (reserved != null) {
            for (String r : reserved) {
                if (r != null && !r.isBlank()) {
                    out.add(r.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(out);
    }
}
