package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.testing.TotpCodes;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every account-security flow over HTTP, then two checks over everything they left behind: the
 * audit rows each flow wrote, and that no password, code, TOTP secret, recovery code, API token,
 * cookie or link token appears in any table or any log line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoSecretLeavesATraceTest {

    static final String PW = "tangerine-otter-42";
    static final String PW2 = "quiet-lantern-977";
    static final String WRONG = "nearly-right-password-1";

    TestServer server;
    Http http;
    DevOutboxMailer outbox;
    String jdbcUrl;
    final List<String> logLines = new CopyOnWriteArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            String text = r.getParameters() == null ? String.valueOf(r.getMessage())
                    : java.text.MessageFormat.format(String.valueOf(r.getMessage()), r.getParameters());
            logLines.add(r.getLoggerName() + " " + text + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    void boot() throws Exception {
        // Gatehouse's own loggers at every level; the containers' at their usual INFO (Jetty's DEBUG dumps raw
        // request bytes, whatever an application does).
        capture.setLevel(java.util.logging.Level.ALL);
        Logger.getLogger("").addHandler(capture);
        Logger.getLogger("dev.gatehouse").setLevel(java.util.logging.Level.ALL);
        outbox = new DevOutboxMailer();
        TestBeans.mailer = outbox;
        TestBeans.clock.set(MutableClock.T0);
        AuthSettings s = TestServer.settings().rateLimitTokenRedeemPerHour(1000).build();
        jdbcUrl = s.database().jdbcUrl();
        server = TestServer.start(TestServer.Mode.AUTHENTICATOR, s);
        http = new Http(server.base());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("dev.gatehouse").setLevel(null);
    }

    static String body(String... kv) {
        jakarta.json.JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            b.add(kv[i], kv[i + 1]);
        }
        return b.build().toString();
    }

    String[] session(String value) {
        return new String[] {"Cookie", "gatehouse_session=" + value};
    }

    static String linkToken(MailMessage m) {
        Matcher t = Pattern.compile("token=([A-Za-z0-9_%-]+)").matcher(m.body());
        assertTrue(t.find(), m.body());
        return java.net.URLDecoder.decode(t.group(1), java.nio.charset.StandardCharsets.UTF_8);
    }

    MailMessage lastMailTo(String to, String subjectPart) {
        List<MailMessage> all = outbox.messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).to().equals(to) && all.get(i).subject().contains(subjectPart)) {
                return all.get(i);
            }
        }
        throw new AssertionError("no mail to " + to + " about " + subjectPart + ": " + all);
    }

    @Test
    void everyFlowIsAuditedAndNoSecretReachesATableOrALogLine() throws Exception {
        Set<String> secrets = new HashSet<>(Set.of(PW, PW2, WRONG));
        String email = "ada@example.com";
        Http.Res signup = http.post("/auth/signup", body("email", email, "password", PW));
        assertEquals(201, signup.status(), signup.body());
        String c = signup.cookie("gatehouse_session").orElseThrow();
        secrets.add(c);
        String userId = http.get("/auth/me", session(c)).json().getJsonObject("user").getString("id");

        // A wrong password, then a right one.
        assertEquals(401, http.post("/auth/login", body("email", email, "password", WRONG)).status());
        Http.Res login = http.post("/auth/login", body("email", email, "password", PW));
        c = login.cookie("gatehouse_session").orElseThrow();
        secrets.add(c);
        login.cookie("gatehouse_device").ifPresent(secrets::add);

        // An API token: created, used, revoked.
        JsonObject created = http.post("/auth/tokens", "{\"name\":\"ci\",\"scopes\":[\"*\"]}", session(c)).json();
        String raw = created.getString("token");
        secrets.add(raw);
        assertEquals(200, http.get("/auth/me", "Authorization", "Bearer " + raw).status());
        assertEquals(200, http.send("DELETE", "/auth/tokens/" + created.getJsonObject("apiToken").getString("id"), null,
                session(c)).status());

        // An authenticator app and its recovery codes.
        JsonObject enrol = http.post("/auth/mfa/totp", null, session(c)).json();
        String secret = enrol.getString("secret");
        secrets.add(secret);
        String first = TotpCodes.at(secret, TestBeans.clock.instant());
        secrets.add(first);
        JsonArray codes = http.post("/auth/mfa/totp/confirm", body("code", first), session(c)).json().getJsonArray("recoveryCodes");
        List<String> recovery = new ArrayList<>();
        codes.forEach(v -> recovery.add(((jakarta.json.JsonString) v).getString()));
        for (String r : recovery) {
            secrets.add(r);
            secrets.add(r.replace("-", ""));
        }
        TestBeans.clock.advance(Duration.ofSeconds(30));

        // Two-step sign-in: a wrong code, then a right one; then with a recovery code.
        Http.Res step1 = http.post("/auth/login", body("email", email, "password", PW));
        assertEquals(401, step1.status(), step1.body());
        String pending = step1.cookie("gatehouse_mfa").orElseThrow();
        secrets.add(pending);
        String code = TotpCodes.at(secret, TestBeans.clock.instant());
        String wrongCode = code.equals("123456") ? "654321" : "123456";
        assertEquals(401, http.post("/auth/mfa/verify", body("code", wrongCode), "Cookie", "gatehouse_mfa=" + pending).status());
        Http.Res verified = http.post("/auth/mfa/verify", body("code", code), "Cookie", "gatehouse_mfa=" + pending);
        assertEquals(200, verified.status(), verified.body());
        secrets.add(code);
        c = verified.cookie("gatehouse_session").orElseThrow();
        secrets.add(c);
        String pending2 = http.post("/auth/login", body("email", email, "password", PW)).cookie("gatehouse_mfa").orElseThrow();
        secrets.add(pending2);
        Http.Res byRecovery = http.post("/auth/mfa/verify", body("code", recovery.get(0)), "Cookie", "gatehouse_mfa=" + pending2);
        assertEquals(200, byRecovery.status(), byRecovery.body());
        c = byRecovery.cookie("gatehouse_session").orElseThrow();
        secrets.add(c);

        // Past the re-authentication window: re-authenticate with a code, then change the password.
        TestBeans.clock.advance(Duration.ofSeconds(400));
        assertEquals(403, http.post("/auth/password", body("currentPassword", PW, "newPassword", PW2), session(c)).status());
        String reauthCode = TotpCodes.at(secret, TestBeans.clock.instant());
        secrets.add(reauthCode);
        assertEquals(200, http.post("/auth/reauth", body("method", "totp", "code", reauthCode), session(c)).status());
        Http.Res changed = http.post("/auth/password", body("currentPassword", PW, "newPassword", PW2), session(c));
        assertEquals(200, changed.status(), changed.body());
        c = changed.cookie("gatehouse_session").orElseThrow();
        secrets.add(c);

        // Email change through its link, and a password reset through its link.
        assertEquals(202, http.post("/auth/email/change", body("newEmail", "ada@lovelace.dev"), session(c)).status());
        String changeToken = linkToken(lastMailTo("ada@lovelace.dev", ""));
        secrets.add(changeToken);
        assertEquals(200, http.post("/auth/email/change/confirm", body("token", changeToken), session(c)).status());
        assertEquals(202, http.post("/auth/password/forgot", body("email", "ada@lovelace.dev")).status());
        String resetToken = linkToken(lastMailTo("ada@lovelace.dev", "Reset"));
        secrets.add(resetToken);
        assertEquals(200, http.post("/auth/password/reset", body("token", resetToken, "newPassword", PW)).status());

        // Refusals: a cross-site request and a missing permission.
        http.post("/auth/login", body("email", "ada@lovelace.dev", "password", PW), "Sec-Fetch-Site", "cross-site");
        http.get("/auth/admin/audit", "Authorization", "Bearer " + raw);

        Set<String> types = new HashSet<>();
        for (List<String> row : rows("SELECT type || ':' || outcome FROM audit_events WHERE user_id = '" + userId
                + "' OR user_id IS NULL")) {
            types.add(row.get(0));
        }
        for (String expected : List.of("sign_up:SUCCESS", "sign_in:FAILURE", "sign_in:SUCCESS", "session.created:SUCCESS",
                "token.created:SUCCESS", "token.revoked:SUCCESS", "mfa.enabled:SUCCESS", "sign_in.mfa:FAILURE",
                "sign_in.mfa:SUCCESS", "mfa.recovery_code_used:SUCCESS", "reauth:SUCCESS", "password.changed:SUCCESS",
                "email.change_requested:SUCCESS", "email.changed:SUCCESS", "password.reset_requested:SUCCESS",
                "password.reset:SUCCESS", "csrf.refused:FAILURE")) {
            assertTrue(types.contains(expected), expected + " missing from " + types);
        }

        String everything = allTables() + "\n" + String.join("\n", logLines);
        for (String s : secrets) {
            assertTrue(s.length() >= 6, "a secret too short to search for: " + s);
            // A six-digit code may occur by chance inside a hex id: look for it standing alone.
            Matcher hit = Pattern.compile((s.matches("[0-9]+") ? "(?<![0-9a-fA-F])" : "") + Pattern.quote(s)
                    + (s.matches("[0-9]+") ? "(?![0-9a-fA-F])" : "")).matcher(everything);
            int at = hit.find() ? hit.start() : -1;
            assertTrue(at < 0, () -> "a secret left a trace: …" + everything.substring(Math.max(0, at - 60), at)
                    + "<secret>" + everything.substring(at + s.length(), Math.min(everything.length(), at + s.length() + 60)));
        }
        assertTrue(logLines.stream().anyMatch(l -> l.contains("event=sign_in.mfa")), "the log carries the events too");
    }

    List<List<String>> rows(String sql) throws Exception {
        try (Connection conn = DriverManager.getConnection(jdbcUrl); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<List<String>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    /** Every row of every table, as text. */
    String allTables() throws Exception {
        StringBuilder out = new StringBuilder();
        for (List<String> t : rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'")) {
            out.append(t.get(0)).append(rows("SELECT * FROM \"" + t.get(0) + "\"")).append('\n');
        }
        assertTrue(out.toString().contains("AUDIT_EVENTS") || out.toString().toLowerCase().contains("audit_events"), out.toString());
        return out.toString();
    }
}
