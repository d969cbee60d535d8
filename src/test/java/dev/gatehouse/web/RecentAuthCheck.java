package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gatehouse.testing.TestBeans;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Over HTTP, what a request guarded by recent authentication answers a session as it ages: 200 while
 * fresh, 403 {@code reauth_required} naming the methods once older than the window, 200 again after
 * {@code POST /auth/reauth}; and 403 {@code permission_denied} to an API token throughout. The shared
 * clock is put back afterwards, so the other sessions of a suite stay as recent as they were.
 */
public final class RecentAuthCheck {

    private RecentAuthCheck() {
    }

    /**
     * @param requests "METHOD /path" each
     * @param bearer   the headers of an API-token caller
     * @return every mismatch, described (empty when all answered as expected)
     */
    public static List<String> agedSessionMustReauthenticate(Http http, String email, long windowSeconds,
                                                             List<String> requests, String[] bearer) throws Exception {
        String cookie = http.post("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + MatrixCallers.PW + "\"}")
                .cookie("gatehouse_session").orElseThrow();
        String[] session = {"Cookie", "gatehouse_session=" + cookie, "Accept", "application/json"};
        List<String> mismatches = new ArrayList<>();
        Instant saved = TestBeans.clock.instant();
        try {
            expect(http, requests, session, 200, null, mismatches, "fresh");
            TestBeans.clock.advance(Duration.ofSeconds(windowSeconds + 1));
            expect(http, requests, session, 403, "reauth_required", mismatches, "aged");
            expect(http, requests, bearer, 403, "permission_denied", mismatches, "token");
            Http.Res reauth = http.post("/auth/reauth", "{\"password\":\"" + MatrixCallers.PW + "\"}", session);
            assertEquals(200, reauth.status(), reauth.body());
            expect(http, requests, session, 200, null, mismatches, "re-authenticated");
            expect(http, requests, bearer, 403, "permission_denied", mismatches, "token");
        } finally {
            TestBeans.clock.set(saved);
        }
        return mismatches;
    }

    private static void expect(Http http, List<String> requests, String[] headers, int status, String code,
                               List<String> mismatches, String when) throws Exception {
        for (String r : requests) {
            String[] req = r.split(" ", 2);
            Http.Res res = http.send(req[0], req[1], null, headers);
            String got = res.status() + " " + res.body();
            if (res.status() != status) {
                mismatches.add(when + " " + r + ": expected " + status + " got " + got);
            } else if (code != null) {
                JsonObject body = res.json();
                String methods = code.equals("reauth_required") ? "[\"password\"]" : null;
                if (!code.equals(body.getString("code"))
                        || !String.valueOf(methods).equals(String.valueOf(body.get("methods")))) {
                    mismatches.add(when + " " + r + ": expected " + code + " methods " + methods + " got " + got);
                }
                assertEquals("no-store", res.header("Cache-Control").orElse(null), r);
                assertFalse(res.header("WWW-Authenticate").isPresent(), r);
            }
        }
    }
}
