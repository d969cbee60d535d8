package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.config.Identifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a signed-in client can send to the rows behind a session, and the arguments anyone can put
 * in a path, query or header: every one is answered without a 5xx (an escaping
 * {@code IllegalArgumentException} would be a 500 {@code internal_error}), bad input with a 4xx.
 */
class SignedInHostileInputTest {

    private static final String PW = "tangerine-otter-42";

    /** The container and integration under test. */
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }

    @Test
    void noClientInputReachesAProgrammingError() throws Exception {
        try (TestServer server = TestServer.start(mode(),
                TestServer.settings().identifier(Identifier.USERNAME).rateLimitSignInPerHour(1000)
                        .rateLimitUsernameCheckPerHour(1000).build())) {
            Http http = new Http(server.base());
            Http.Res up = http.post("/auth/signup", "{\"username\":\"hostile\",\"password\":\"" + PW + "\"}");
            assertEquals(201, up.status(), up.body());
            String[] cookie = {"Cookie", "gatehouse_session=" + up.cookie("gatehouse_session").orElseThrow()};
            List<String> problems = new ArrayList<>();
            String[] tokenBodies = {"{\"name\":\"t\",\"scopes\":[\"a\"],\"expiresInDays\":-1}",
                    "{\"name\":\"t\",\"scopes\":[\"a\"],\"expiresInDays\":0}",
                    "{\"name\":\"t\",\"scopes\":[\"a\"],\"expiresInDays\":2147483647}",
                    "{\"name\":\"t\",\"scopes\":[\"a\"],\"expiresInDays\":1.5}",
                    "{\"name\":\"\",\"scopes\":[\"a\"]}", "{\"name\":\"t\",\"scopes\":[]}",
                    "{\"name\":\"t\",\"scopes\":[\"\"]}", "{\"name\":\"t\",\"scopes\":[\"a b\"]}",
                    "{\"name\":\"t\\u0000\",\"scopes\":[\"a\"]}", "{\"name\":\"\\ud800\",\"scopes\":[\"a\"]}",
                    "{\"name\":\"" + "n".repeat(2000) + "\",\"scopes\":[\"a\"]}",
                    "{\"name\":\"t\",\"scopes\":[\"" + "s".repeat(2000) + "\"]}"};
            for (String b : tokenBodies) {
                check(problems, "POST /auth/tokens " + b, http.post("/auth/tokens", b, cookie));
            }
            String[] passwordBodies = {"{\"currentPassword\":\"\",\"newPassword\":\"\"}",
                    "{\"currentPassword\":\"" + PW + "\",\"newPassword\":\"\\ud800\\udfff\\ud800\"}",
                    "{\"currentPassword\":\"\\u0000\",\"newPassword\":\"" + "p".repeat(3000) + "\"}"};
            for (String b : passwordBodies) {
                check(problems, "POST /auth/password " + b, http.post("/auth/password", b, cookie));
            }
            check(problems, "verify/request", http.post("/auth/email/verify/request", "{\"email\":\"\\u0000\"}", cookie));
            for (String id : new String[] {"", "%20", "A".repeat(64), "0".repeat(63) + "g", "%E2%80%8B"}) {
                check(problems, "DELETE session " + id, http.send("DELETE", "/auth/sessions/" + id, null, cookie));
                check(problems, "DELETE token " + id, http.send("DELETE", "/auth/tokens/" + id, null, cookie));
            }
            for (String u : new String[] {"", "%00", "%F0%9F%98%80", "a".repeat(5000), "%E2%80%8B", "ADMIN", "a%20b"}) {
                check(problems, "username-available " + u, http.get("/auth/username-available?u=" + u));
            }
            String login = "{\"username\":\"hostile\",\"password\":\"" + PW + "\"}";
            check(problems, "long User-Agent", http.post("/auth/login", login, "User-Agent", "U".repeat(6000)));
            for (String device : new String[] {"x", "a.b.c.d.e", "1.2.notanumber.4.%%%", "..:::..", "v1." + "9".repeat(40)}) {
                check(problems, "device cookie " + device, http.post("/auth/login", login, "Cookie", "gatehouse_device=" + device));
            }
            assertEquals(List.of(), problems);
        }
    }

    private static void check(List<String> problems, String what, Http.Res r) {
        if (r.status() >= 500 || r.body().contains("Exception")) {
            problems.add(what + " -> " + r.status() + " " + r.body());
        }
    }
}
