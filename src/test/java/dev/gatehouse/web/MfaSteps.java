package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.testing.TotpCodes;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.List;

/**
 * The client's side of an authenticator app over HTTP: enrol one through the JSON API and compute
 * its codes with {@link TotpCodes} (not Gatehouse's own code) at the test clock's time.
 */
final class MfaSteps {

    private MfaSteps() {
    }

    /** An enrolled app: its base32 secret and the recovery codes the confirmation showed. */
    record Enrolled(String secret, List<String> recoveryCodes) {
    }

    /**
     * A code the server has not seen yet: the test clock moves one 30-second step first (a code is
     * accepted only when its step is newer than the last one used), then the code of that moment.
     */
    static String nextCode(String secret) {
        TestBeans.clock.advance(Duration.ofSeconds(30));
        return TotpCodes.at(secret, TestBeans.clock.instant());
    }

    /** A six-digit code that is none of the codes the server accepts now (the steps before, now and after). */
    static String wrongCode(String secret) {
        long step = Math.floorDiv(TestBeans.clock.instant().getEpochSecond(), 30);
        List<String> valid = List.of(TotpCodes.forStep(secret, step - 1), TotpCodes.forStep(secret, step),
                TotpCodes.forStep(secret, step + 1));
        for (int n = 0; ; n++) {
            String candidate = String.format(java.util.Locale.ROOT, "%06d", (123_456 + n * 7919) % 1_000_000);
            if (!valid.contains(candidate)) {
                return candidate;
            }
        }
    }

    /** One POST of the caller being enrolled (its cookie or jar attached). */
    interface Post {
        Http.Res post(String path, String json) throws Exception;
    }

    /** {@code POST /mfa/totp} then {@code POST /mfa/totp/confirm} with the app's code; both must succeed. */
    static Enrolled enrol(Post caller) throws Exception {
        Http.Res begun = caller.post("/auth/mfa/totp", null);
        assertEquals(201, begun.status(), begun.body());
        String secret = begun.json().getString("secret");
        Http.Res confirmed = caller.post("/auth/mfa/totp/confirm", code(nextCode(secret)));
        assertEquals(200, confirmed.status(), confirmed.body());
        return new Enrolled(secret, confirmed.json().getJsonArray("recoveryCodes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList());
    }

    /** Enrols the holder of these request headers (a session cookie). */
    static Enrolled enrol(Http http, String... headers) throws Exception {
        return enrol((path, json) -> http.post(path, json, headers));
    }

    /** Enrols the session in this jar. */
    static Enrolled enrol(Http http, CookieJar jar) throws Exception {
        return enrol((path, json) -> jar.post(http, path, json));
    }

    /** The body {@code {"code": …}}. */
    static String code(String code) {
        return HttpApiSuite.body("code", code);
    }
}
