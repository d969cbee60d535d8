package dev.gatehouse.session;

import dev.gatehouse.account.SignInResult;
import java.util.Objects;

/**
 * A cookie to send to the browser: the session cookie, or the device cookie of a sign-in
 * ({@link SignInResult#deviceCookie()}). {@link #toString()} hides the value.
 *
 * @param maxAgeSeconds 0 deletes the cookie
 */
public record SessionCookie(String name, String value, long maxAgeSeconds, boolean secure, boolean httpOnly,
                            String sameSite, String path, String domain) {

    public SessionCookie {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sameSite, "sameSite");
        Objects.requireNonNull(path, "path");
        if (maxAgeSeconds < 0) {
            throw new IllegalArgumentException("maxAgeSeconds must be >= 0 (got " + maxAgeSeconds + ")");
        }
    }

    /** A cookie that makes the browser forget the session: empty value, Max-Age 0, same attributes. */
    public SessionCookie deletion() {
        return new SessionCookie(name, "", 0, secure, httpOnly, sameSite, path, domain);
    }

    /** The same cookie without the Secure flag, for a plain-HTTP development server. */
    public SessionCookie insecure() {
        return secure ? new SessionCookie(name, value, maxAgeSeconds, false, httpOnly, sameSite, path, domain) : this;
    }

    /** The value of a {@code Set-Cookie} header for this cookie. */
    public String toSetCookieHeader() {
        StringBuilder b = new StringBuilder(name).append('=').append(value)
                .append("; Max-Age=").append(maxAgeSeconds)
                .append("; Path=").append(path);
        if (domain != null) {
            b.append("; Domain=").append(domain);
        }
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        return b.append("; SameSite=").append(sameSite).toString();
    }

    @Override
    public String toString() {
        return "SessionCookie[name=" + name + ", value=" + (value.isEmpty() ? "" : "***") + ", maxAgeSeconds="
                + maxAgeSeconds + ", secure=" + secure + ", httpOnly=" + httpOnly + ", sameSite=" + sameSite
                + ", path=" + path + ", domain=" + domain + "]";
    }
}
