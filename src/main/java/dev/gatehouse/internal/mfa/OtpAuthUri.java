package dev.gatehouse.internal.mfa;

import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} URI of the Key Uri Format that authenticator apps read from a QR code.
 * Every character outside RFC 3986's unreserved set is percent-encoded as UTF-8, so a space is
 * {@code %20} (never '+', which some apps show literally) and a ':' in the issuer or account name
 * cannot be mistaken for the label's separator.
 */
public final class OtpAuthUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OtpAuthUri() {
    }

    /**
     * {@code otpauth://totp/<issuer>:<account>?secret=<BASE32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30}.
     *
     * @throws IllegalArgumentException a blank issuer or account name
     */
    public static String of(String issuer, String accountName, byte[] secret) {
        if (issuer == null || issuer.isBlank() || accountName == null || accountName.isBlank()) {
            throw new IllegalArgumentException("an otpauth URI needs an issuer and an account name");
        }
        return "otpauth://totp/" + encode(issuer) + ":" + encode(accountName)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.PERIOD_SECONDS;
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0x0f]).append(HEX[b & 0x0f]);
            }
        }
        return out.toString();
    }
}
