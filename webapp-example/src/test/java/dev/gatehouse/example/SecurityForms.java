package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The example's account-security pages driven as a browser without JavaScript drives them: form
 * posts with the CSRF pair, cookies and redirects by hand. Codes come from {@link AppCodes}, written
 * independently of Gatehouse's TOTP.
 */
final class SecurityForms {

    static final Duration T = Duration.ofSeconds(30);

    private final String base;
    private final Web.Csrf csrf;

    SecurityForms(String base) throws Exception {
        this.base = base;
        this.csrf = Web.csrf(base, T, "/login");
    }

    /**
     * An authenticator app set up through /account/security.
     *
     * @param step the time step of the code that turned it on: a sign-in needs a newer one
     */
    record Enrolled(String secret, List<String> recoveryCodes, long step) {
        /** The code for the step after the one that turned the app on (accepted while the server is within a step of it). */
        String nextCode() {
            return AppCodes.forStep(secret, step + 1);
        }
    }

    Web.Res post(String path, String session, String... fields) throws Exception {
        return Web.form(base, T, path, csrf, session, fields);
    }

    Web.Res postWithCookies(String path, List<String> cookies, String... fields) throws Exception {
        return Web.formWithCookies(base, T, path, csrf, cookies, fields);
    }

    /** Sets up an app for the session's user, the server's clock reading {@code serverNow}. */
    Enrolled enrol(String session, Instant serverNow) throws Exception {
        Web.Res begin = post(SecurityPage.PATH, session, "do", "begin");
        assertEquals(200, begin.status(), begin.body());
        assertTrue(begin.body().contains("<div id='totp-qr' class='qr'><svg "), begin.body());
        String secret = find(begin.body(), "<code id='totp-secret'>([A-Z2-7]+)</code>");
        long step = Math.floorDiv(serverNow.getEpochSecond(), 30);
        Web.Res confirm = post(SecurityPage.PATH, session, "do", "confirm", "code", AppCodes.forStep(secret, step));
        assertEquals(200, confirm.status(), confirm.body());
        return new Enrolled(secret, recoveryCodes(confirm.body()), step);
    }

    static List<String> recoveryCodes(String page) {
        Matcher list = Pattern.compile("<ol id='recovery-codes'>(.*?)</ol>").matcher(page);
        assertTrue(list.find(), page);
        Matcher code = Pattern.compile("<code>([^<]+)</code>").matcher(list.group(1));
        List<String> codes = new ArrayList<>();
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }

    /** The password step of the sign-in form: 302 to the code page with the pending cookie, for an account with an app. */
    Web.Res signIn(String email, String password) throws Exception {
        return post("/login", null, "email", email, "password", password);
    }

    /** The code step, with the pending cookie the password step set. */
    Web.Res code(String pending, String code) throws Exception {
        return postWithCookies(LoginCodePage.PATH, List.of("gatehouse_mfa=" + pending), "code", code);
    }

    /** Signs in with the password and then {@code code}: the new session cookie's value. */
    String signInWithCode(String email, String password, String code) throws Exception {
        Web.Res first = signIn(email, password);
        assertEquals(302, first.status(), first.body());
        Web.Res second = code(first.cookie("gatehouse_mfa"), code);
        assertEquals(302, second.status(), second.body());
        assertEquals("/dashboard", path(second.location()));
        return second.cookie();
    }

    /** A page's body as the session sees it. */
    String page(String path, String session) throws Exception {
        return Web.send(base, T, "GET", path, null, "Cookie", "gatehouse_session=" + session).body();
    }

    /** The user id the dashboard shows. */
    String userId(String session) throws Exception {
        return find(page("/dashboard", session), "\\(id <code>([^<]+)</code>\\)");
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " not in " + text);
        return m.group(1);
    }

    static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** The path (with query) of a Location, whether the server wrote it absolute or not. */
    static String path(String location) {
        return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
    }
}
