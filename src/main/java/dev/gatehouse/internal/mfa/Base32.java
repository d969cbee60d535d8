package dev.gatehouse.internal.mfa;

import java.io.ByteArrayOutputStream;

/** RFC 4648 base32, the alphabet authenticator apps expect for a TOTP secret. */
public final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    /** Upper-case base32 of {@code bytes}, without '=' padding (authenticator apps do not need it). */
    public static String encode(byte[] bytes) {
        return encode(bytes, ALPHABET);
    }

    /** {@code bytes} five bits a character in a 32-character {@code alphabet}, the last group zero-filled. */
    static String encode(byte[] bytes, String alphabet) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out.append(alphabet.charAt((buffer >>> bits) & 31));
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /**
     * The bytes of base32 {@code text}, as a person may type it: either case, spaces anywhere,
     * trailing '=' padding optional.
     *
     * @throws IllegalArgumentException a character outside the alphabet, '=' before the end, a length
     *                                  no encoding produces, or non-zero bits after the last byte
     */
    public static byte[] decode(String text) {
        String s = text.replace(" ", "");
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        int rest = end % 8;
        if (rest == 1 || rest == 3 || rest == 6) {
            throw new IllegalArgumentException("not base32: " + end + " characters is not a length base32 produces");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            buffer = (buffer << 5) | value(s.charAt(i), i);
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                out.write((buffer >>> bits) & 0xff);
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            throw new IllegalArgumentException("not base32: the last character carries bits beyond the last byte");
        }
        return out.toByteArray();
    }

    private static int value(char c, int index) {
        char upper = c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c;
        int v = ALPHABET.indexOf(upper);
        if (v < 0) {
            // The offending character is not echoed: the text may be a secret.
            throw new IllegalArgumentException("not base32: unexpected character at position " + (index + 1));
        }
        return v;
    }
}
