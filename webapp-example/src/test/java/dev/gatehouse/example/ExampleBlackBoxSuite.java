package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
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

    /** What the server's clock reads now (authenticator codes are computed for it). */
    protected Instant serverNow() {
        return Instant.now();
    }

    Web.Res send(String method, String path, String json, String... headers) throws Exception {
        return Web.send(base(), Duration.ofSeconds(30), method, path, json, headers);
    }

    Web.Res form(String path, Web.Csrf csrf, String session, String[] fields, String... headers) throws Exception {
        return Web.form(base(), Duration.ofSeconds(30), path, csrf, session, fields, headers);
    }

    Web.Csrf csrf() throws Exception {
        return Web.csrf(base(), Duration.ofSeconds(30), "/login");
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

    private boolean adminBootstrapped;

    /**
     * A fresh session of the bootstrap admin. The first call plays the whole story: a squatter
     * signs up first with the admin's address and gets no admin role; the owner of the mailbox
     * takes the account over with a reset link, verifies the address, and only then is admin.
     */
    String adminSession() throws Exception {
        if (!adminBootstrapped) {
            Web.Res squat = send("POST", "/auth/signup", Web.credentials(ADMIN, "squatter-passphrase-9"));
            assertEquals(201, squat.status(), squat.body());
            String squatter = squat.cookie();
            assertEquals(200, send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + squatter).status());
            assertFalse(roles(squatter).contains("admin"), roles(squatter));
            assertEquals(403, send("GET", "/admin", null, "Cookie", "gatehouse_session=" + squatter).status());

            assertEquals(202, send("POST", "/auth/password/forgot", "{\"email\":\"" + ADMIN + "\"}").status());
            String reset = send("POST", "/auth/password/reset", "{\"token\":\"" + outboxToken(ADMIN, "/reset-password")
                    + "\",\"newPassword\":\"" + PW + "\"}").body();
            assertTrue(reset.contains("\"ok\":true"), reset);
            String owner = send("POST", "/auth/login", Web.credentials(ADMIN, PW)).cookie();
            send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + owner);
            assertFalse(roles(owner).contains("admin"), "unverified: " + roles(owner));
            assertEquals(202, send("POST", "/auth/email/verify/request", null, "Cookie", "gatehouse_session=" + owner).status());
            assertEquals(200, send("POST", "/auth/email/verify", "{\"token\":\"" + outboxToken(ADMIN, "/verify-email")
                    + "\"}").status());
            send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + owner);
            assertTrue(roles(owner).contains("admin"), "verified: " + roles(owner));
            adminBootstrapped = true;
        }
        Web.Res r = send("POST", "/auth/login", Web.credentials(ADMIN, PW));
        assertEquals(200, r.status(), r.body());
        return r.cookie();
    }

    private String roles(String session) throws Exception {
        Web.Res dashboard = send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + session);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p id='roles'>([^<]*)</p>").matcher(dashboard.body());
        assertTrue(m.find(), dashboard.body());
        return m.group(1);
    }

    /** The token of the newest link to {@code path} the dev outbox holds for {@code to} (the tests run on loopback). */
    String outboxToken(String to, String path) throws Exception {
        Web.Res outbox = send("GET", "/outbox", null);
        assertEquals(200, outbox.status(), outbox.body());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("to " + java.util.regex.Pattern.quote(to)
                + "<pre>[^<]*<a class='mail-link' href='[^']*" + java.util.regex.Pattern.quote(path) + "\\?token=([^']*)'")
                .matcher(outbox.body());
        assertTrue(m.find(), "no " + path + " link for " + to + " in " + outbox.body());
        return java.net.URLDecoder.decode(m.group(1).replace("&amp;", "&"), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void bootstrapAdminOnlyOnceTheEmailIsVerified() throws Exception {
        String admin = adminSession();
        assertEquals(200, send("GET", "/admin", null, "Cookie", "gatehouse_session=" + admin).status());
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

    /** Callers of the matrices: anonymous, a member, the admin, the admin's API token with and without the scopes. */
    static final String[] CALLER_NAMES = {"anonymous", "user", "admin", "PAT+scope", "PAT-scope"};
    /** Made once per server; forgotten when they may no longer do what the matrices expect of them. */
    String[][] callers;

    /** Request headers of each caller in {@link #CALLER_NAMES}, made once per server. */
    String[][] callers() throws Exception {
        if (callers == null) {
            String admin = adminSession();
            String user = signUpOrIn("member" + System.nanoTime() + "@example.test");
            String withScope = send("POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"role:admin\",\"projects.read\","
                    + "\"projects.write\"]}", "Cookie", "gatehouse_session=" + admin).json("token");
            String withoutScope = send("POST", "/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"reports.view\"]}",
                    "Cookie", "gatehouse_session=" + admin).json("token");
            callers = new String[][] {{}, {"Cookie", "gatehouse_session=" + user}, {"Cookie", "gatehouse_session=" + admin},
                    {"Authorization", "Bearer " + withScope}, {"Authorization", "Bearer " + withoutScope}};
        }
        return callers;
    }

    /**
     * Sends each row ({@code "METHOD /path"}, or {@code "FORM /path"} with {@code fields}) as each
     * caller and lists the statuses that differ from the expected ones. No answer may show a stack trace.
     */
    List<String> mismatches(Map<String, int[]> expected, Map<String, String[]> fields) throws Exception {
        String[][] who = callers();
        Web.Csrf csrf = fields.isEmpty() ? null : csrf();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            String[] req = row.getKey().split(" ");
            for (int i = 0; i < who.length; i++) {
                Web.Res r;
                if (req[0].equals("FORM")) {
                    String session = who[i].length > 0 && who[i][0].equals("Cookie") ? who[i][1].split("=", 2)[1] : null;
                    String[] auth = who[i].length > 0 && !who[i][0].equals("Cookie") ? who[i] : new String[0];
                    r = form(req[1], csrf, session, fields.get(req[1]), auth);
                } else {
                    String body = req[0].equals("POST") ? "{\"name\":\"p" + i + "\"}" : null;
                    r = send(req[0], req[1], body, who[i]);
                }
                if (r.status() != row.getValue()[i]) {
                    mismatches.add(row.getKey() + " as " + CALLER_NAMES[i] + ": expected " + row.getValue()[i] + " got "
                            + r.status() + " " + r.body());
                }
                assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
            }
        }
        return mismatches;
    }

    @Test
    void accessMatrix() throws Exception {
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("GET /admin", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /admin/dashboard", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /admin/roles", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /api/admin/stats", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /api/projects", new int[] {401, 200, 200, 200, 403});
        expected.put("POST /api/projects", new int[] {401, 403, 201, 201, 403});
        // Account management through the HTML forms: browser sessions only (anonymous: to the sign-in page).
        // Every caller sends a valid CSRF pair, as anyone who can load a page can get one.
        expected.put("FORM /tokens", new int[] {302, 201, 201, 403, 403});
        expected.put("FORM /devices", new int[] {302, 302, 302, 403, 403});
        expected.put("FORM /password", new int[] {302, 400, 400, 403, 403});
        expected.put("FORM /verify-email", new int[] {302, 302, 400, 403, 403});
        expected.put("FORM /logout", new int[] {302, 302, 302, 403, 403}); // last: it ends the sessions
        Map<String, String[]> fields = Map.of("/tokens", new String[] {"name", "minted", "scopes", "*"},
                "/devices", new String[] {"revoke", "others"},
                "/password", new String[] {"currentPassword", "not-the-password", "newPassword", "fresh-passphrase-77"},
                "/verify-email", new String[0], "/logout", new String[0]);
        List<String> found = mismatches(expected, fields);
        callers = null; // the form sign-out ended these sessions
        assertEquals(List.of(), found);
    }

    /** The same permissions on the Jakarta REST resources under /api/v2 as on the servlets. */
    @Test
    void jaxRsAccessMatrix() throws Exception {
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("GET /api/v2/projects", new int[] {401, 200, 200, 200, 403});
        expected.put("POST /api/v2/projects", new int[] {401, 403, 201, 201, 403});
        expected.put("GET /api/v2/admin/stats", new int[] {401, 403, 200, 200, 403});
        expected.put("GET /api/v2/me", new int[] {200, 200, 200, 200, 200});
        assertEquals(List.of(), mismatches(expected, Map.of()));
    }

    @Test
    void jaxRsRefusalsUseGatehousesJsonShapeAndHeaders() throws Exception {
        Web.Res anonymous = send("GET", "/api/v2/projects", null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.raw().headers().firstValue("WWW-Authenticate").isPresent(), anonymous.raw().headers().map().toString());
        assertTrue(anonymous.raw().headers().firstValue("Cache-Control").orElse("").contains("no-store"));
        assertEquals("auth_required", anonymous.json("code"), anonymous.body());
        Web.Res member = send("GET", "/api/v2/admin/stats", null, callers()[1]);
        assertEquals(403, member.status());
        assertEquals("permission_denied", member.json("code"), member.body());
        assertTrue(member.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void jaxRsSecurityContextAnswersFromTheGatehouseCaller() throws Exception {
        String[][] who = callers();
        String userId = send("GET", "/auth/me", null, who[1]).json("id");
        Web.Res anonymous = send("GET", "/api/v2/me", null);
        assertEquals("", anonymous.json("principal"), anonymous.body());
        assertTrue(anonymous.body().contains("\"admin\":false"), anonymous.body());
        Web.Res member = send("GET", "/api/v2/me", null, who[1]);
        assertEquals(userId, member.json("principal"), member.body());
        assertTrue(member.body().contains("\"admin\":false") && member.body().contains("\"member\":true"), member.body());
        assertFalse(member.json("scheme").isEmpty(), member.body());
        Web.Res admin = send("GET", "/api/v2/me", null, who[2]);
        assertTrue(admin.body().contains("\"admin\":true"), admin.body());
        Web.Res narrowToken = send("GET", "/api/v2/me", null, who[4]);
        assertTrue(narrowToken.body().contains("\"admin\":false"), "a token without role:admin: " + narrowToken.body());
    }

    @Test
    void healthIsOpenAndMetricsNeedTheirPermission() throws Exception {
        Web.Res health = send("GET", "/health", null);
        assertEquals(200, health.status(), health.body());
        assertEquals("UP", health.json("status"), health.body());
        assertTrue(health.body().contains("\"name\":\"schema\""), health.body());
        String[][] who = callers();
        assertEquals(401, send("GET", "/metrics", null).status());
        assertEquals(403, send("GET", "/metrics", null, who[1]).status());
        Web.Res metrics = send("GET", "/metrics", null, who[2]);
        assertEquals(200, metrics.status(), metrics.body());
        assertTrue(metrics.body().contains("gatehouse_signin_total{result=\"success\"}"), metrics.body());
        assertFalse(metrics.body().contains("@example.test"), "no address in a tag");
    }


    @Test
    void crossSiteFormLoginSignsNobodyIn() throws Exception {
        String email = "victim" + System.nanoTime() + "@example.test";
        signUpOrIn(email);
        String[] creds = {"email", email, "password", PW};
        Web.Res forged = form("/login", null, null, creds, "Origin", "https://attacker.example");
        assertEquals(403, forged.status(), forged.body());
        assertEquals(null, forged.cookie());
        Web.Csrf csrf = csrf();
        Web.Res wrongField = form("/login", new Web.Csrf(csrf.cookie(), csrf.field() + "x"), null, creds);
        assertEquals(403, wrongField.status());
        assertEquals(null, wrongField.cookie());
        Web.Res otherCookie = form("/login", new Web.Csrf(csrf().cookie(), csrf.field()), null, creds);
        assertEquals(403, otherCookie.status());
        assertTrue(otherCookie.body().contains("<nav>") && !otherCookie.body().contains("\tat "), otherCookie.body());
        Web.Res real = form("/login", csrf, null, creds);
        assertEquals(302, real.status(), real.body());
        assertTrue(real.cookie() != null && !real.cookie().isEmpty());
    }

    @Test
    void everyFormCarriesTheCsrfField() throws Exception {
        String session = signUpOrIn("forms" + System.nanoTime() + "@example.test");
        for (String page : List.of("/login", "/signup", "/forgot", "/reset-password?token=x", "/verify-email?token=x",
                "/dashboard", "/devices", "/password", "/tokens", "/account/security", "/account/confirm?next=/tokens",
                "/account/email", "/email/change?token=x")) {
            String body = send("GET", page, null, "Cookie", "gatehouse_session=" + session).body();
            int forms = body.split("<form", -1).length - 1;
            int fields = body.split("name='csrf'", -1).length - 1;
            assertTrue(forms > 0 && forms == fields, page + ": " + forms + " forms, " + fields + " CSRF fields");
        }
        Web.Res noToken = form("/tokens", null, session, new String[] {"name", "t", "scopes", "projects.read"});
        assertEquals(403, noToken.status());
    }

    @Test
    void formLoginEndsTheEarlierSessionEvenOfAnotherUser() throws Exception {
        String first = signUpOrIn("first" + System.nanoTime() + "@example.test");
        String second = "second" + System.nanoTime() + "@example.test";
        signUpOrIn(second);
        Web.Res r = form("/login", csrf(), first, new String[] {"email", second, "password", PW});
        assertEquals(302, r.status(), r.body());
        assertTrue(send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + first).body().contains("\"user\":null"));
    }

    @Test
    void pagesSendANonceCspAndRefuseFraming() throws Exception {
        Web.Res one = send("GET", "/login", null);
        Web.Res two = send("GET", "/login", null);
        String csp = one.raw().headers().firstValue("Content-Security-Policy").orElse("");
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'nonce-([A-Za-z0-9_-]{16,})'").matcher(csp);
        assertTrue(nonce.find(), csp);
        assertTrue(one.body().contains("<script nonce='" + nonce.group(1) + "' src='/static/app.js'>"), one.body());
        assertTrue(csp.contains("style-src 'self';"), csp);
        assertFalse(one.body().contains("<style") || one.body().matches("(?s).*<script[^>]*>[^<]+</script>.*"),
                "no inline style element or inline script: " + one.body());
        assertFalse(two.raw().headers().firstValue("Content-Security-Policy").orElse("").contains(nonce.group(1)));
        assertEquals("DENY", one.raw().headers().firstValue("X-Frame-Options").orElse(null));
        assertFalse(one.body().matches("(?s).*<[^>]+\\s(style|on[a-z]+)=.*"), "inline style or event handler: " + one.body());
        assertEquals(java.util.Optional.empty(), one.raw().headers().firstValue("Strict-Transport-Security")); // plain HTTP here
    }

    @Test
    void formSignOutClearsSiteDataButKeepsTheDeviceCookie() throws Exception {
        String session = signUpOrIn("out" + System.nanoTime() + "@example.test");
        Web.Res r = form("/logout", csrf(), session, new String[0]);
        assertEquals(302, r.status());
        assertEquals("\"cache\", \"storage\"", r.raw().headers().firstValue("Clear-Site-Data").orElse(null));
        List<String> cookies = r.raw().headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith("gatehouse_session=;") && c.contains("Max-Age=0")), cookies.toString());
        assertTrue(cookies.stream().noneMatch(c -> c.startsWith("gatehouse_device=")), cookies.toString());
        assertTrue(send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + session).body().contains("\"user\":null"));
    }

    @Test
    void errorsRenderTheAppsOwnPages() throws Exception {
        String member = signUpOrIn("err" + System.nanoTime() + "@example.test");
        Web.Res missing = send("GET", "/no/such/page", null, "Accept", "text/html");
        Web.Res forbidden = send("GET", "/admin", null, "Cookie", "gatehouse_session=" + member, "Accept", "text/html");
        Web.Res anonymous = send("GET", "/admin", null, "Accept", "text/html");
        assertEquals(List.of(404, 403, 401), List.of(missing.status(), forbidden.status(), anonymous.status()));
        for (Web.Res r : List.of(missing, forbidden, anonymous)) {
            assertTrue(r.body().contains("· Gatehouse example</title>") && r.body().contains("<nav>"), r.body());
            assertFalse(r.body().contains("HTTP ERROR") || r.body().contains("\tat ") || r.body().contains("Exception"), r.body());
            assertTrue(r.raw().headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        }
        assertTrue(anonymous.body().contains("href='/login'"), anonymous.body());
        assertTrue(anonymous.body().contains("href='/login?next=%2Fadmin'"), "signs in, then back: " + anonymous.body());
        assertTrue(forbidden.body().contains("needs the role <code>admin</code>"), "says what is missing: " + forbidden.body());
        assertTrue(forbidden.body().contains("with the role member"), "and what the caller has: " + forbidden.body());
        assertTrue(missing.body().contains("<code>/no/such/page</code>"), missing.body());
    }

    @Test
    void adminPagesShowUsersRolesAndTheDayFromTheAuditTrail() throws Exception {
        String admin = adminSession();
        String unique = "needle" + System.nanoTime();
        String member = signUpOrIn(unique + "@example.test");
        send("POST", "/auth/login", Web.credentials(unique + "@example.test", "wrong-" + PW)); // a failed sign-in
        Web.Res dashboard = send("GET", "/admin/dashboard", null, "Cookie", "gatehouse_session=" + admin);
        assertEquals(200, dashboard.status(), dashboard.body());
        for (String chart : List.of("chart-signins", "chart-failures", "chart-lockouts", "chart-refusals")) {
            assertTrue(dashboard.body().contains("<figure class='chart' id='" + chart + "'><svg"), chart);
        }
        assertTrue(Integer.parseInt(SecurityForms.find(dashboard.body(), "<b id='stat-failures'>(\\d+)</b>")) >= 1,
                "the failed sign-in is counted");
        assertFalse(dashboard.body().contains("style="), "no inline style");

        Web.Res search = send("GET", "/admin?q=" + unique.toUpperCase(java.util.Locale.ROOT), null,
                "Cookie", "gatehouse_session=" + admin);
        assertEquals(List.of(unique + "@example.test"), SecurityForms.all(search.body(), "<tr><td><b>([^<]+)</b>"),
                "a search by part of the address, any case");
        Web.Res none = send("GET", "/admin?q=no-such-user-" + unique, null, "Cookie", "gatehouse_session=" + admin);
        assertTrue(none.body().contains("id='no-users'"), none.body());

        Web.Res roles = send("GET", "/admin/roles", null, "Cookie", "gatehouse_session=" + admin);
        assertTrue(roles.body().contains("<td><b>admin</b></td><td><span class='badge accent'>*</span>"), roles.body());
        for (String path : List.of("/admin/dashboard", "/admin/roles")) {
            assertEquals(403, send("GET", path, null, "Cookie", "gatehouse_session=" + member, "Accept", "text/html").status());
            assertEquals(401, send("GET", path, null, "Accept", "text/html").status());
        }
    }

    @Test
    void theSecurityCentreShowsEveryCredentialOnOnePage() throws Exception {
        String email = "centre" + System.nanoTime() + "@example.test";
        String session = signUpOrIn(email);
        send("POST", "/auth/tokens", "{\"name\":\"nightly backup\",\"scopes\":[\"projects.read\"]}",
                "Cookie", "gatehouse_session=" + session);
        String page = send("GET", SecurityPage.PATH, null, "Cookie", "gatehouse_session=" + session).body();
        for (String card : List.of("account-card", "password-card", "two-step-card", "providers-card", "devices-card",
                "tokens-card", "activity-card")) {
            assertTrue(page.contains("<section class='card' id='" + card + "'"), card + " in " + page);
        }
        assertTrue(page.contains("<span id='account-email'>" + email + "</span>"), page);
        assertTrue(page.contains("id='email-state'>not verified</span>"), page);
        assertTrue(page.contains("this device"), page);
        assertTrue(page.contains("<b>nightly backup</b>"), page);
        assertTrue(page.contains("<b>API token created</b>"), "the latest events: " + page);
    }

    @Test
    void signInGoesBackToThePageAskedForButNeverToAnotherSite() throws Exception {
        String email = "back" + System.nanoTime() + "@example.test";
        signUpOrIn(email);
        String[] creds = {"email", email, "password", PW, "next", "/account/activity?limit=5"};
        assertEquals("/account/activity?limit=5", SecurityForms.path(form("/login", csrf(), null, creds).location()));
        for (String elsewhere : List.of("//attacker.example/x", "https://attacker.example/", "/\\attacker.example",
                "/../admin", "javascript:alert(1)")) {
            creds[5] = elsewhere;
            assertEquals("/dashboard", SecurityForms.path(form("/login", csrf(), null, creds).location()), elsewhere);
        }
        assertTrue(send("GET", "/login?next=%2Faccount%2Factivity", null).body()
                .contains("<input type='hidden' name='next' value='/account/activity'>"));
    }

    /** Raw HTTP/1.1 so the test controls the body: headers promising {@code length} bytes, then only {@code sent}. */
    String rawPost(String path, long length, int sent, String... headers) throws Exception {
        URI uri = URI.create(base());
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(15_000); // a bound, not a wait: the answer must not need the rest of the body
            StringBuilder head = new StringBuilder("POST " + uri.getPath() + path + " HTTP/1.1\r\nHost: " + uri.getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            var out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] chunk = new byte[sent];
            java.util.Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            out.write(chunk);
            out.flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            return status == null ? "closed" : status;
        } catch (java.net.SocketTimeoutException e) {
            return "no answer within 15 s (the body was being read)";
        }
    }

    @Test
    void projectsCheckAccessBeforeReadingAndCapTheBody() throws Exception {
        assertTrue(rawPost("/api/projects", 4_000_000, 1024).contains(" 401"), "anonymous, 4 MB promised");
        String writer = send("POST", "/auth/tokens", "{\"name\":\"w\",\"scopes\":[\"projects.write\"]}",
                "Cookie", "gatehouse_session=" + adminSession()).json("token");
        assertTrue(rawPost("/api/projects", 4_000_000, 1024, "Authorization", "Bearer " + writer).contains(" 413"),
                "writer, 4 MB promised");
        String big = "{\"name\":\"" + "x".repeat(20_000) + "\"}";
        assertEquals(413, send("POST", "/api/projects", big, "Authorization", "Bearer " + writer).status());
        assertEquals(201, send("POST", "/api/projects", "{\"name\":\"small\"}", "Authorization", "Bearer " + writer).status());
    }

    /** A new account, signed up through the JSON API: its address and session cookie. */
    String[] newAccount(String prefix) throws Exception {
        String email = prefix + System.nanoTime() + "@example.test";
        return new String[] {email, signUpOrIn(email)};
    }

    @Test
    void signInWithAnAppAsksForTheCodeOnItsOwnPage() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String[] account = newAccount("code");
        SecurityForms.Enrolled app = f.enrol(account[1], serverNow());
        assertEquals(10, app.recoveryCodes().size(), app.recoveryCodes().toString());
        assertTrue(f.page(SecurityPage.PATH, account[1]).contains("<b id='recovery-left'>10</b>"));

        Web.Res password = f.signIn(account[0], PW);
        assertEquals(302, password.status(), password.body());
        assertEquals(LoginCodePage.PATH, SecurityForms.path(password.location()));
        assertEquals(null, password.cookie(), "no session before the code");
        String setPending = password.raw().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("gatehouse_mfa=")).findFirst().orElseThrow();
        assertTrue(setPending.contains("HttpOnly") && setPending.contains("SameSite=Strict"), setPending);
        String pending = password.cookie("gatehouse_mfa");

        Web.Res page = send("GET", LoginCodePage.PATH, null, "Cookie", "gatehouse_mfa=" + pending);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id='code'") && page.body().contains("id='recovery-hint'"), page.body());
        assertEquals("no-store", page.raw().headers().firstValue("Cache-Control").orElse(null));
        Web.Res noAttempt = send("GET", LoginCodePage.PATH, null);
        assertEquals("/login", SecurityForms.path(noAttempt.location()), "without a pending sign-in: back to the password");

        Web.Res wrong = f.code(pending, AppCodes.forStep(app.secret(), app.step() - 10));
        assertEquals(401, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("id='error'") && wrong.body().contains("id='code'"), wrong.body());
        assertEquals(null, wrong.cookie());

        Web.Res right = f.code(pending, app.nextCode());
        assertEquals(302, right.status(), right.body());
        assertEquals("/dashboard", SecurityForms.path(right.location()));
        assertEquals("", right.cookie("gatehouse_mfa"), "the pending cookie is deleted");
        assertTrue(f.page("/dashboard", right.cookie()).contains(account[0]));

        Web.Res again = f.code(pending, app.nextCode());
        assertEquals("/login?expired=1", SecurityForms.path(again.location()), "a finished sign-in takes no more codes");
        assertTrue(send("GET", "/login?expired=1", null).body().contains("id='error'"));

        String byRecovery = f.signInWithCode(account[0], PW, app.recoveryCodes().get(0));
        assertTrue(f.page(SecurityPage.PATH, byRecovery).contains("<b id='recovery-left'>9</b>"));
        Web.Res reused = f.code(f.signIn(account[0], PW).cookie("gatehouse_mfa"), app.recoveryCodes().get(0));
        assertEquals(401, reused.status(), "a recovery code works once: " + reused.body());
    }

    @Test
    void securityPagesServeOnlyTheAccountsOwnBrowserSession() throws Exception {
        SecurityForms f = new SecurityForms(base());
        for (String path : List.of(SecurityPage.PATH, ConfirmPage.PATH, "/account/email")) {
            Web.Res anonymous = send("GET", path, null);
            assertEquals(302, anonymous.status(), path);
            assertEquals("/login?next=" + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8),
                    SecurityForms.path(anonymous.location()), "signs in, then back to the page");
        }
        Web.Res anonymousEnrol = f.post(SecurityPage.PATH, null, "do", "begin");
        assertEquals("/login", SecurityForms.path(anonymousEnrol.location()), anonymousEnrol.body());
        Web.Res unknown = f.post(SecurityPage.PATH, "bm90LWEtc2Vzc2lvbi1jb29raWUtdmFsdWUtYXQtYWxsLXJlYWxseQ", "do", "begin");
        assertEquals("/login", SecurityForms.path(unknown.location()), "an unknown session cookie is nobody");
        String[] token = callers()[3];
        Web.Res byToken = form(SecurityPage.PATH, csrf(), null, new String[] {"do", "begin"}, token);
        assertEquals(403, byToken.status(), byToken.body());
        assertFalse(byToken.body().contains("totp-secret"), byToken.body());
        assertEquals(403, send("GET", SecurityPage.PATH, null, token).status());
    }

    @Test
    void confirmingItsYouGoesBackOnlyToAPathOfThisSite() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String session = newAccount("confirm")[1];
        assertTrue(f.page(ConfirmPage.PATH + "?next=/tokens", session).contains("name='next' value='/tokens'"));
        assertTrue(f.page(ConfirmPage.PATH + "?next=https://attacker.example/", session)
                .contains("name='next' value='/dashboard'"));
        Web.Res wrong = f.post(ConfirmPage.PATH, session, "password", "not-the-password", "next", "/tokens");
        assertEquals(401, wrong.status(), wrong.body());
        assertTrue(wrong.body().contains("id='error'") && wrong.body().contains("id='reauth-password'"), wrong.body());
        Map<String, String> next = new LinkedHashMap<>();
        next.put("/tokens", "/tokens");
        next.put("/account/security?tab=1", "/account/security?tab=1");
        next.put("//attacker.example/x", "/dashboard");
        next.put("/\\attacker.example", "/dashboard");
        next.put("https://attacker.example", "/dashboard");
        next.put("javascript:alert(1)", "/dashboard");
        next.put("/tokens\r\nSet-Cookie: a=b", "/dashboard");
        for (Map.Entry<String, String> e : next.entrySet()) {
            Web.Res r = f.post(ConfirmPage.PATH, session, "password", PW, "next", e.getKey());
            assertEquals(302, r.status(), e.getKey() + ": " + r.body());
            assertEquals(e.getValue(), SecurityForms.path(r.location()), e.getKey());
        }
    }

    @Test
    void emailChangeLooksTheSameForATakenAddressAndConfirmsOnlyOnPost() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String[] account = newAccount("mover");
        String taken = newAccount("taken")[0];
        String elsewhere = send("POST", "/auth/login", Web.credentials(account[0], PW)).cookie();
        String fresh = "moved" + System.nanoTime() + "@example.test";
        Web.Res toTaken = f.post("/account/email", account[1], "newEmail", taken);
        Web.Res toFresh = f.post("/account/email", account[1], "newEmail", fresh);
        assertEquals(202, toTaken.status(), toTaken.body());
        assertEquals(202, toFresh.status(), toFresh.body());
        assertEquals(toTaken.body().replaceAll("nonce='[^']*'", ""), toFresh.body().replaceAll("nonce='[^']*'", ""));
        assertTrue(send("GET", "/outbox", null).body().contains("to " + taken + "<pre>"), "the taken address is told");

        String token = outboxToken(fresh, "/email/change");
        Web.Res opened = send("GET", "/email/change?token=" + java.net.URLEncoder.encode(token,
                java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(200, opened.status(), opened.body());
        assertTrue(opened.body().contains("id='confirm-email-change'"), opened.body());
        assertTrue(f.page("/dashboard", account[1]).contains(account[0]), "opening the link changes nothing");

        Web.Res confirmed = f.post("/email/change", account[1], "token", token);
        assertEquals(200, confirmed.status(), confirmed.body());
        assertTrue(confirmed.body().contains("id='email-changed'") && confirmed.body().contains(fresh), confirmed.body());
        assertTrue(f.page("/dashboard", account[1]).contains(fresh), "the confirming session stays");
        assertEquals(302, send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + elsewhere).status(),
                "every other session ends");
        assertEquals(400, f.post("/email/change", account[1], "token", token).status(), "the link works once");
    }

    @Test
    void anAdminResetsAUsersTwoStepSignIn() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String[] account = newAccount("lostphone");
        String userId = f.userId(account[1]);
        f.enrol(account[1], serverNow());
        String admin = adminSession();
        assertTrue(f.page("/admin", admin).contains("value='mfa-reset'"));
        Web.Res reset = f.post("/admin", admin, "user", userId, "do", "mfa-reset");
        assertEquals(302, reset.status(), reset.body());
        assertEquals("/admin", SecurityForms.path(reset.location()));
        assertEquals(302, send("GET", "/dashboard", null, "Cookie", "gatehouse_session=" + account[1]).status(),
                "the user's sessions end");
        Web.Res password = f.signIn(account[0], PW);
        assertEquals("/dashboard", SecurityForms.path(password.location()), "the password alone signs in again");
        assertTrue(f.page(SecurityPage.PATH, password.cookie()).contains("Authenticator app: <b>off</b>"));
    }

    @Test
    void securityActivityShowsTheCallersOwnEventsEscapedAndPaged() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String[] account = newAccount("activity");
        String[] stranger = newAccount("stranger");
        String strangerId = f.userId(stranger[1]);
        String hostile = "<script>alert(1)</script>";
        assertEquals(401, f.signIn(account[0], "not-the-password").status());
        Web.Res signIn = Web.form(base(), Duration.ofSeconds(30), "/login", Web.csrf(base(), Duration.ofSeconds(30), "/login"),
                null, new String[] {"email", account[0], "password", PW}, "User-Agent", hostile);
        String session = signIn.cookie();

        Web.Res page = send("GET", "/account/activity", null, "Cookie", "gatehouse_session=" + session);
        assertEquals(200, page.status(), page.body());
        assertEquals("no-store", page.raw().headers().firstValue("Cache-Control").orElse(null));
        List<String> types = SecurityForms.all(page.body(), "<td class='type'>([^<]+)</td>");
        assertTrue(types.contains("sign_up") && types.contains("sign_in"), types.toString());
        assertTrue(page.body().contains("<td class='outcome'>failure</td>"), "the wrong password is there too");
        assertTrue(page.body().contains("this device"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the user agent, escaped");
        assertFalse(page.body().contains(hostile), page.body());
        assertFalse(page.body().contains(strangerId) || page.body().contains(stranger[0]), "nobody else's events");

        Web.Res first = send("GET", "/account/activity?limit=2", null, "Cookie", "gatehouse_session=" + session);
        List<String> firstRows = SecurityForms.all(first.body(), "<tr class='event'><td>([^<]+)</td>");
        assertEquals(2, firstRows.size(), first.body());
        String older = SecurityForms.find(first.body(), "<a id='older' href='([^']+)'").replace("&amp;", "&");
        Web.Res second = send("GET", older.substring(older.indexOf("/account/activity")), null,
                "Cookie", "gatehouse_session=" + session);
        assertEquals(200, second.status(), second.body());
        List<String> secondRows = SecurityForms.all(second.body(), "<tr class='event'><td>([^<]+)</td>");
        assertEquals(2, secondRows.size(), second.body());
        assertTrue(firstRows.get(1).compareTo(secondRows.get(0)) >= 0, "older events on the next page: " + firstRows
                + secondRows);
        assertEquals(400, send("GET", "/account/activity?cursor=forged", null, "Cookie", "gatehouse_session=" + session)
                .status());
        assertEquals("/login?next=%2Faccount%2Factivity", SecurityForms.path(send("GET", "/account/activity", null).location()));
    }

    @Test
    void theAdminsAuditViewFiltersByUserTypeAndTime() throws Exception {
        SecurityForms f = new SecurityForms(base());
        String[] account = newAccount("audited");
        String userId = f.userId(account[1]);
        f.enrol(account[1], serverNow());
        String admin = adminSession();
        assertEquals(403, send("GET", "/admin/audit", null, "Cookie", "gatehouse_session=" + account[1]).status());
        assertEquals("/login?next=%2Fadmin%2Faudit", SecurityForms.path(send("GET", "/admin/audit", null).location()));

        Web.Res mine = send("GET", "/admin/audit?user=" + userId, null, "Cookie", "gatehouse_session=" + admin);
        assertEquals(200, mine.status(), mine.body());
        assertEquals("no-store", mine.raw().headers().firstValue("Cache-Control").orElse(null));
        List<String> users = SecurityForms.all(mine.body(), "<td class='user'>([^<]*)</td>");
        assertFalse(users.isEmpty(), mine.body());
        assertEquals(List.of(userId), users.stream().distinct().toList());
        assertTrue(SecurityForms.all(mine.body(), "<td class='type'>([^<]+)</td>").contains("mfa.enabled"), mine.body());

        Web.Res byEmail = send("GET", "/admin/audit?type=mfa.enabled&user=" + java.net.URLEncoder.encode(account[0],
                java.nio.charset.StandardCharsets.UTF_8), null, "Cookie", "gatehouse_session=" + admin);
        assertEquals(List.of("mfa.enabled"), SecurityForms.all(byEmail.body(), "<td class='type'>([^<]+)</td>"),
                byEmail.body());
        String day = serverNow().toString().substring(0, 10);
        Web.Res future = send("GET", "/admin/audit?user=" + userId + "&from=" + java.time.LocalDate.parse(day).plusDays(2),
                null, "Cookie", "gatehouse_session=" + admin);
        assertTrue(future.body().contains("id='no-events'"), future.body());
        Web.Res today = send("GET", "/admin/audit?user=" + userId + "&from=" + day + "&to="
                + java.time.LocalDate.parse(day).plusDays(1), null, "Cookie", "gatehouse_session=" + admin);
        assertFalse(SecurityForms.all(today.body(), "<td class='type'>([^<]+)</td>").isEmpty(), today.body());
        for (String bad : List.of("type=no.such", "from=yesterday", "from=2026-03-02&to=2026-03-01", "cursor=forged",
                "limit=500")) {
            Web.Res r = send("GET", "/admin/audit?" + bad, null, "Cookie", "gatehouse_session=" + admin);
            assertEquals(400, r.status(), bad + ": " + r.body());
            assertTrue(r.body().contains("id='error'") && !r.body().contains("Exception"), r.body());
        }
    }

    /**
     * The origin the example's pages are served from as far as passkeys go: its publicBaseUrl,
     * {@code http://localhost:8080} by default, whatever port the server under test really has (the
     * authenticator here is software, so it claims that origin like a browser on that address would).
     */
    protected String passkeyOrigin() {
        return "http://localhost:8080";
    }

    /**
     * Passkeys inside the server: the sign-in page offers one and loads the script with its nonce, then a
     * software authenticator registers a passkey through the JSON API, signs in with it (webauthn4j and its
     * Jackson 3 CBOR parsing run in the container's class loading), and the security page lists it.
     */
    @Test
    void passkeyRegistersAndSignsInInsideTheServer() throws Exception {
        Web.Res login = send("GET", "/login", null);
        assertTrue(login.body().contains("id='passkey-signin'") && login.body().contains("autocomplete='username webauthn'"),
                login.body());
        String csp = login.raw().headers().firstValue("Content-Security-Policy").orElse("");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("script-src 'nonce-([^']+)'").matcher(csp);
        assertTrue(nonce.find() && !csp.contains("'unsafe-inline'") && !csp.contains("script-src 'self'"), csp);
        assertTrue(login.body().contains("<script nonce='" + nonce.group(1) + "' src='/static/passkeys.js'>"), login.body());
        Web.Res script = send("GET", "/static/passkeys.js", null);
        assertEquals(200, script.status());
        assertTrue(script.raw().headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("parseRequestOptionsFromJSON"), script.body());
        int other = send("GET", "/static/web.xml", null).status();
        assertEquals(404, other, "only the named scripts are served");

        String session = signUpOrIn("passkey-box@example.test");
        TinyAuthenticator device = new TinyAuthenticator();
        Web.Res options = send("POST", "/auth/passkeys/register/options", "{}", "Cookie", "gatehouse_session=" + session);
        assertEquals(200, options.status(), options.body());
        Web.Res registered = send("POST", "/auth/passkeys/register", "{\"credential\":" + device.create(options.body(),
                passkeyOrigin()) + ",\"name\":\"Box key\"}", "Cookie", "gatehouse_session=" + session);
        assertEquals(201, registered.status(), registered.body());

        Web.Res signIn = send("POST", "/auth/passkeys/login/options", "{}");
        assertEquals(200, signIn.status(), signIn.body());
        Web.Res in = send("POST", "/auth/passkeys/login", "{\"credential\":" + device.get(signIn.body(), passkeyOrigin())
                + "}");
        assertEquals(200, in.status(), in.body());
        String passkeySession = in.cookie();
        assertTrue(passkeySession != null && !passkeySession.equals(session));
        Web.Res me = send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + passkeySession);
        assertEquals(200, me.status(), me.body());
        assertTrue(me.body().contains("passkey-box@example.test"), me.body());
        Web.Res page = send("GET", "/account/security", null, "Cookie", "gatehouse_session=" + passkeySession);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("<td class='passkey-name'>Box key</td>"), page.body());
    }

    private TestProvider provider;

    /** The clock the server under test runs on: its provider stamps tokens with it. */
    protected java.time.Clock serverClock() {
        return java.time.Clock.systemUTC();
    }

    /** The OpenID Connect provider of this suite's server, started on first use (before the server). */
    protected final TestProvider provider() {
        if (provider == null) {
            provider = new TestProvider(serverClock());
        }
        return provider;
    }

    @org.junit.jupiter.api.AfterAll
    void stopProvider() {
        if (provider != null) {
            provider.close();
        }
    }

    /**
     * Sign-in with an OpenID Connect provider inside the server: the sign-in page links to it, start redirects
     * there with the flow cookie, and the callback (with that cookie) opens a session and goes back to the
     * dashboard; the Nimbus SDK runs in the container's class loading, relocated in the Gatehouse jar.
     */
    @Test
    void providerSignInOpensASessionInsideTheServer() throws Exception {
        Web.Res login = send("GET", "/login", null);
        assertTrue(login.body().contains("id='oidc-corp'"), login.body());
        Web.Res start = send("GET", "/auth/oidc/corp/start?returnTo=/dashboard", null);
        assertEquals(302, start.status(), start.body());
        String flow = start.raw().headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_oidc="))
                .map(c -> c.substring("gatehouse_oidc=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        String callback = provider().signIn(URI.create(start.raw().headers().firstValue("Location").orElseThrow()),
                "box-subject", java.util.Map.of("email", "oidc-box@example.test", "email_verified", true));
        Web.Res back = send("GET", callback, null, "Cookie", "gatehouse_oidc=" + flow);
        assertEquals(302, back.status(), back.body());
        assertEquals("/dashboard", back.raw().headers().firstValue("Location").orElseThrow());
        String session = back.cookie();
        Web.Res me = send("GET", "/auth/me", null, "Cookie", "gatehouse_session=" + session);
        assertTrue(me.body().contains("oidc-box@example.test") && me.body().contains("\"oidc\""), me.body());
        Web.Res replay = send("GET", callback, null, "Cookie", "gatehouse_oidc=" + flow);
        assertEquals(401, replay.status(), "a callback is used once");
        assertTrue(replay.body().contains("<code id=code>oidc_failed</code>"), replay.body());
    }
}
