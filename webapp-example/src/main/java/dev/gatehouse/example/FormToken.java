package dev.gatehouse.example;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The synchronizer token every example form carries (double submit): a random value in an
 * HttpOnly, SameSite=Strict cookie ({@code __Host-} prefixed and Secure when the session cookie is
 * Secure, so no sibling subdomain can plant it) and the same value in the hidden field
 * {@value #FIELD}. A POST whose field does not equal its cookie is refused. It exists before any
 * session, so the sign-in and sign-up forms are covered too (login CSRF).
 */
final class FormToken {

    static final String FIELD = "csrf";
    private static final String ATTRIBUTE = FormToken.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormToken() {
    }

    static String cookieName(boolean secure) {
        return secure ? "__Host-gatehouse_csrf" : "gatehouse_csrf";
    }

    /** This browser's token; a new one is set as a cookie when it has none yet (once per request). */
    static String issue(HttpServletRequest req, HttpServletResponse res, boolean secure) {
        if (req.getAttribute(ATTRIBUTE) instanceof String t) {
            return t;
        }
        String token = cookie(req, secure);
        if (token == null) {
            token = random(32);
            res.addHeader("Set-Cookie", cookieName(secure) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict"
                    + (secure ? "; Secure" : ""));
        }
        req.setAttribute(ATTRIBUTE, token);
        return token;
    }

    /** True when the request's field equals its cookie (constant time). */
    static boolean valid(HttpServletRequest req, boolean secure) {
        String cookie = cookie(req, secure);
        String field = req.getParameter(FIELD);
        return cookie != null && field != null
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), field.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest req, boolean secure) {
        String value = Page.cookie(req, cookieName(secure));
        return value != null && value.length() >= 43 ? value : null;
    }

    /** {@code bytes} from the CSPRNG, base64url without padding. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
