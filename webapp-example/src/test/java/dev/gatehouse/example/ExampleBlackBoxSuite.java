package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One black-box HTTP suite for the example, run against every server it deploys on. The server
 * under test runs with {@code GATEHOUSE_BOOTSTRAP_ADMIN=admin@example.test} on an empty database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ExampleBlackBoxSuite {

    static final String PW = "tangerine-otter-42";
    static final String ADMIN = "admin@example.test";
    /** Base URL including the context path, without a trailing slash. */
    protected abstract String base();

    Web.Res send(String method, String path, String json, String... headers) throws Exception {
        return Web.send(base(), Duration.ofSeconds(30), method, path, json, headers);
    }

    String signUpOrIn(String email) throws Exception {
        String creds = Web.credentials(email, PW);
        Web.Res r = send("POST", "/auth/signup", creds);
        if (r.status() == 409) {
            r = send("POST", "/auth/login", creds);
        }
        assertTrue(r.status() == 201 || r.status() == 200, r.status() + " " + r.body());
        return r.cookie();
    }

    @Test
    void signUpSignInCookieFlow() throws Exception {
        String email = "flow" + System.nanoTime() + "@example.test";
        String c = signUpOrIn(email);
        assertTrue(send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + c).body().contains(email));
        Web.Res login = send("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PW + "\"}");
        assertEquals(200, login.status());
        String second = login.cookie();
        Web.Res out = send("POST", "/auth/logout", null, "Cookie", "gatehouse_session=" + second);
        assertEquals(200, out.status());
        assertEquals("", out.cookie());
        assertTrue(send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + second).body().contains("\"user\":null"));
        assertEquals(401, send("POST", "/auth/login", "{\"email\":\"" + email + "\",\"password\":\"wrong-password\"}").status());
    }

    @Test
    void accessMatrix() throws Exception {
        String admin = signUpOrIn(ADMIN);
        String user = signUpOrIn("member" + System.nanoTime() + "@example.test");
        String withScope = send("POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"role:admin\",\"projects.read\","
                + "\"projects.write\"]}", "Cookie", "gatehouse_session=" + admin).json("token");
        String withoutScope = send("POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"reports.view\"]}",
                "Cookie", "gatehouse_session=" + admin).json("token");
        String[][] callers = {{}, {"Cookie", "gatehouse_session=" + user}, {"Cookie", "gatehouse_session=" + admin},
                {"Authorization", "Bearer " + withScope}, {"Authorization", "Bearer " + withoutScope}};
        String[] names = {"anonymous", "user", "admin", "PAT+scope", "PAT-scope"};
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("GET /admin", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /api/admin/stats", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /api/projects", new int[] {401, 200, 200, 200, 403});
        expected.put("POST /api/projects", new int[] {401, 403, 201, 201, 403});
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            String[] req = row.getKey().split(" ");
            for (int i = 0; i < callers.length; i++) {
                String body = req[0].equals("POST") ? "{\"name\":\"p" + i + "\"}" : null;
                Web.Res r = send(req[0], req[1], body, callers[i]);
                if (r.status() != row.getValue()[i]) {
                    mismatches.add(row.getKey() + " as " + names[i] + ": expected " + row.getValue()[i] + " got " + r.status());
                }
                assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
