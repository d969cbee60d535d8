package dev.gatehouse.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.FakeRequest;
import dev.gatehouse.testing.TestDatabase;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of what a request can claim to be: session cookies and
 * {@code Authorization} headers go through the real resolver (cookie choice, token shape checks,
 * database lookups on H2). The input is lines: the first is the Authorization header, each further
 * line a session cookie value. Whatever arrives, resolution never throws and never authenticates
 * (the database holds one real session and one real token, which no input can guess); the bearer
 * parser returns null or a trimmed, non-empty token of at most 256 characters.
 */
class CredentialFuzzTest {

    private static final Gatehouse GH;
    private static final CallerResolver RESOLVER;

    static {
        AuthSettings settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .resolveCacheSeconds(0).build();
        GH = Gatehouse.start(settings, TestDatabase.H2.freshDataSource(), Clock.systemUTC());
        String user = GH.auth().signUp("fuzz@example.test", null, "tangerine-otter-42", null, null).user().id();
        GH.apiTokens().create(user, "fuzz", List.of("projects.read"), 30);
        RESOLVER = new CallerResolver(settings, GH.sessions(), GH.apiTokens(), GH.auth(), GH.roles());
    }

    @FuzzTest(maxDuration = "20s")
    void cookiesAndBearerHeaders(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        String authorization = lines[0];
        List<Cookie> cookies = new ArrayList<>();
        for (int i = 1; i < lines.length && cookies.size() < 4; i++) {
            cookies.add(new Cookie(i % 2 == 1 ? "gatehouse_session" : "other", lines[i]));
        }
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        HttpServletRequest request = FakeRequest.of("GET", headers, cookies.toArray(Cookie[]::new), null);

        String bearer = BearerToken.parse(authorization);
        if (bearer != null) {
            assertFalse(bearer.isEmpty());
            assertTrue(bearer.length() <= 256, bearer);
            assertEquals(bearer.strip(), bearer);
        }
        Resolution r = RESOLVER.resolve(request);
        assertNull(r.caller(), "a fuzzed credential was accepted: " + String.join(" | ", lines));
        assertFalse(r.authenticated());
    }
}
