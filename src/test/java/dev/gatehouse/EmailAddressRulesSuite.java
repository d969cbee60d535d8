package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.InvalidCredentialsException;
import org.junit.jupiter.api.Test;

/** Email addresses: a documented allowed set; anything else is a 400 with a reason at sign-up, a plain miss at sign-in. */
public abstract class EmailAddressRulesSuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";

    static final String[] REFUSED = {
            "a b@x.com", "a\u00a0b@x.com", "ab@x.com\u00a0", "a\u200bb@x.com", "ab@x\u200b.com", "a\u200db@x.com",
            "a\ufeffb@x.com", "a\u202eb@x.com", "a\u2028b@x.com", "a<b@x.com", "<ab@x.com>", "\"ab\"@x.com",
            "a\"b@x.com", "a,b@x.com", "ab@x.com,c@y.com", "a\u0000b@x.com", "a\tb@x.com",
            "p\u0430ypal@x.com", // Cyrillic a
            "jos\u00e9@x.com", "\u212aate@x.com", // Kelvin sign, lowercases to an ASCII k
            "a..b@x.com", ".ab@x.com", "ab.@x.com", "ab@x..com", "ab@-x.com", "ab@x_y.com", "ab@x.com.", "ab@x com",
            "ab@x@y.com", "a".repeat(65) + "@x.com",
    };

    @Test
    void signUpRefusesEveryAddressOutsideTheAllowedSetWithAReason() {
        for (String bad : REFUSED) {
            AuthException e = assertThrows(AuthException.class, () -> gh().auth().signUp(bad, null, PW, null, null),
                    bad.codePoints().mapToObj(c -> c < 128 ? Character.toString(c) : String.format("\\u%04x", c))
                            .reduce("", String::concat));
            assertEquals("auth_error", e.code().wire(), bad);
            assertTrue(e.getMessage().contains("valid email") || e.getMessage().contains("too long"), e.getMessage());
        }
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
        assertTrue(assertThrows(AuthException.class, () -> gh().auth().signUp("a<b@x.com", null, PW, null, null))
                .getMessage().contains("angle brackets"));
    }

    @Test
    void signInWithSuchAnAddressIsAPlainMissWithoutDatabaseWork() {
        gh().auth().signUp("ab@x.com", null, PW, null, null);
        for (String bad : REFUSED) {
            assertThrows(InvalidCredentialsException.class, () -> gh().auth().signIn(bad, PW, "1.2.3.4", null), bad);
        }
        assertThrows(InvalidCredentialsException.class, () -> gh().auth().signIn("no-at-sign", PW, "1.2.3.4", null));
        assertEquals(0, count("SELECT COUNT(*) FROM ratelimit_buckets"));
    }

    @Test
    void ordinaryAndInternationalAddressesAreAcceptedInOneForm() {
        assertEquals("o'brien+tag@example.com",
                gh().auth().signUp(" O'Brien+Tag@Example.COM ", null, PW, null, null).user().email());
        assertEquals("a.b-c_d@sub.example.org", gh().auth().signUp("a.b-c_d@sub.example.org", null, PW, null, null).user().email());
        // the domain is stored in its ASCII form: no look-alike letters, one account per mailbox
        String idn = gh().auth().signUp("kim@B\u00fccher.example", null, PW, null, null).user().email();
        assertEquals("kim@xn--bcher-kva.example", idn);
        assertThrows(AccountExistsException.class, () -> gh().auth().signUp("kim@xn--bcher-kva.example", null, PW, null, null));
        assertEquals(idn, gh().auth().signIn("kim@b\u00fccher.example", PW, null, null).user().email());
    }
}
