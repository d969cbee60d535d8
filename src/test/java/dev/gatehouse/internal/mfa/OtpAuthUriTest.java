package dev.gatehouse.internal.mfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtpAuthUriTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "Gatehouse, jane@example.com",
        "ACME Co, jane doe@example.com",
        "Ex:ample, a:b:c",
        "Café Zürich, Jürgen 東京 😀",
        "a+b&c=d?e#f/g%h, x;y,z 'q'"})
    void parsesBackToTheIssuerAccountAndSecret(String issuer, String account) {
        String text = OtpAuthUri.of(issuer, account, SECRET);
        URI uri = URI.create(text); // throws for any character a URI may not hold
        assertEquals("otpauth", uri.getScheme());
        assertEquals("totp", uri.getHost());
        String label = uri.getRawPath().substring(1);
        String[] parts = label.split(":", -1);
        assertEquals(2, parts.length, "exactly one unencoded ':' in the label: " + label);
        assertEquals(issuer, percentDecode(parts[0]));
        assertEquals(account, percentDecode(parts[1]));

        Map<String, String> query = query(uri.getRawQuery());
        assertEquals(java.util.List.of("secret", "issuer", "algorithm", "digits", "period"), java.util.List.copyOf(query.keySet()));
        assertArrayEquals(SECRET, Base32.decode(query.get("secret")));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", query.get("secret"));
        assertEquals(issuer, query.get("issuer"));
        assertEquals("SHA1", query.get("algorithm"));
        assertEquals("6", query.get("digits"));
        assertEquals("30", query.get("period"));
        assertFalse(text.contains("+") || text.contains(" "), "spaces are %20, never '+': " + text);
    }

    @Test
    void encodesSpacesAsPercentTwentyAndTheAtSignAndColon() {
        assertEquals("otpauth://totp/ACME%20Co:jane%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30", OtpAuthUri.of("ACME Co", "jane@example.com", SECRET));
        assertEquals("otpauth://totp/A%3AB:c%3Ad?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                + "&issuer=A%3AB&algorithm=SHA1&digits=6&period=30", OtpAuthUri.of("A:B", "c:d", SECRET));
    }

    @Test
    void refusesABlankIssuerOrAccount() {
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.of(" ", "jane", SECRET));
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.of("Gatehouse", "", SECRET));
        assertThrows(IllegalArgumentException.class, () -> OtpAuthUri.of(null, "jane", SECRET));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(percentDecode(pair.substring(0, eq)), percentDecode(pair.substring(eq + 1)));
        }
        return out;
    }

    /** RFC 3986 percent-decoding, written here so the test does not trust URLDecoder's '+' rule. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
