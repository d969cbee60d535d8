package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** On H2, plus the checks that do not depend on the database engine. */
class CliH2CliIT extends CliSuite {
    @Override
    protected String freshDatabaseUrl() {
        return h2Url();
    }

    @Test
    void badInputExitsNonZeroWithOneLineReasons() throws Exception {
        cli(null, "migrate");
        Result[] bad = {
                cli(null, "frobnicate"),
                cli(null, "user", "create", "--email", "x@y.z", "--password", "secret-on-cmdline"),
                cli(null, "user", "disable", "--user", "nobody@example.test"),
                cli(null, "role", "grant", "--user", "nobody@example.test"),
                cli(null, "role", "define", "--name", "Bad Name"),
                cli("", "user", "create", "--email", "x@y.z", "--password-stdin"),
                cli("short\n", "user", "create", "--email", "x@y.z", "--password-stdin"),
                cli(null, "tokens", "mint", "--user", "x@y.z", "--name", "n", "--scopes", "a", "--days", "many"),
                cli(null, "status", "--colour", "blue"),
        };
        int[] expected = {2, 2, 3, 2, 2, 2, 2, 2, 2};
        for (int i = 0; i < bad.length; i++) {
            assertEquals(expected[i], bad[i].code(), i + ": " + bad[i].err());
            assertEquals(1, bad[i].err().lines().count(), i + ": " + bad[i].err());
            assertTrue(bad[i].err().startsWith("gatehouse: "), bad[i].err());
        }
        assertFalse(bad[1].err().contains("secret-on-cmdline"));
    }

    @Test
    void unreachableDatabaseIsExitOne() throws Exception {
        String saved = url;
        url = "jdbc:postgresql://127.0.0.1:1/nothing?connectTimeout=2";
        try {
            Result r = cli(null, "status");
            assertEquals(1, r.code());
            assertTrue(r.err().startsWith("gatehouse: cannot reach the database"), r.err());
        } finally {
            url = saved;
        }
    }

    @Test
    void helpDocumentsEveryCommand() throws Exception {
        Result help = cli(null, "--help");
        assertEquals(0, help.code());
        for (String c : new String[] {"migrate", "status", "user create", "role define", "role grant", "sessions end",
                "tokens list", "tokens revoke", "tokens mint", "audit list", "sweep", "--json"}) {
            assertTrue(help.out().contains(c), c);
        }
    }

    @Test
    void aDatabasePasswordInAFlagIsRefusedWithoutEchoingIt() throws Exception {
        for (String[] args : new String[][] {{"status", "--jdbc-password", "hunter2-db-secret"},
                {"status", "--jdbc-password=hunter2-db-secret"}}) {
            Result r = cli(null, args);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("GATEHOUSE_JDBC_PASSWORD") && r.err().contains("--jdbc-password-file"), r.err());
            assertFalse(r.err().contains("hunter2") || r.out().contains("hunter2"));
        }
    }

    @Test
    void theDatabasePasswordComesFromAFile() throws Exception {
        cli(null, "migrate");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("db", ".pw");
        java.nio.file.Files.writeString(file, "not-the-h2-password\n");
        Result wrong = cli(null, "status", "--jdbc-password-file", file.toString());
        assertEquals(1, wrong.code(), wrong.err()); // the file's password was used: H2 refuses it
        assertTrue(wrong.err().startsWith("gatehouse: cannot reach the database"), wrong.err());
        assertFalse(wrong.err().contains("not-the-h2-password"));
        Result missing = cli(null, "status", "--jdbc-password-file", file + ".missing");
        assertEquals(2, missing.code(), missing.err());
    }

    @Test
    void auditEventsGoToStandardErrorOrTheAuditFile() throws Exception {
        cli(null, "migrate");
        Result created = cli("operator-passphrase-2\n", "user", "create", "--email", "audit@example.test", "--password-stdin");
        assertEquals(0, created.code(), created.err());
        assertTrue(created.err().lines().anyMatch(l -> l.contains(" audit event=sign_up outcome=success who=")), created.err());
        assertFalse(created.err().contains("operator-passphrase-2"));
        java.nio.file.Path log = java.nio.file.Files.createTempDirectory("audit").resolve("audit.log");
        Result disabled = cli(null, "user", "disable", "--user", "audit@example.test", "--audit-log", log.toString());
        assertEquals(0, disabled.code(), disabled.err());
        assertFalse(disabled.err().contains("event="), disabled.err());
        assertTrue(java.nio.file.Files.readString(log).contains("WARNING audit event=account.disabled who="));
    }

    @Test
    void auditListPrintsOneLinePerEventWithTheCliAsActor() throws Exception {
        cli(null, "migrate");
        String id = cli("operator-passphrase-4\n", "user", "create", "--email", "list@example.test", "--password-stdin",
                "--json").json().getString("id");
        assertEquals(0, cli(null, "role", "define", "--name", "ops", "--permissions", "audit.read").code());
        assertEquals(0, cli(null, "role", "grant", "--user", "list@example.test", "--role", "ops").code());
        assertEquals(0, cli(null, "user", "disable", "--user", id).code());

        Result json = cli(null, "audit", "list", "--user", "list@example.test", "--type", "role.granted,admin.action", "--json");
        assertEquals(0, json.code(), json.err());
        var events = json.json().getJsonArray("events").getValuesAs(jakarta.json.JsonObject.class);
        assertEquals(List.of("admin.action", "role.granted"), events.stream().map(e -> e.getString("type")).toList());
        assertTrue(events.stream().allMatch(e -> e.getString("actor").equals("cli") && e.getString("user").equals(id)));
        assertEquals("account.disable", events.get(0).getJsonObject("details").getString("action"));
        assertEquals("ops", events.get(1).getJsonObject("details").getString("role"));

        Result text = cli(null, "audit", "list", "--user", id, "--type", "role.granted", "--since", "2000-01-01T00:00:00Z");
        assertEquals(0, text.code(), text.err());
        List<String> lines = text.out().lines().filter(l -> l.contains("role.granted")).toList();
        assertEquals(1, lines.size(), text.out());
        assertTrue(lines.get(0).matches("\\s*\\S+Z  role\\.granted  success  " + id + "  cli  .*\\{role=ops\\}"), lines.get(0));
        assertEquals(1, cli(null, "audit", "list", "--limit", "1", "--json").json().getJsonArray("events").size());
        assertFalse(text.out().contains("operator-passphrase-4"));

        assertEquals(2, cli(null, "audit", "list", "--type", "nonsense").code());
        assertEquals(2, cli(null, "audit", "list", "--since", "yesterday").code());
        assertEquals(2, cli(null, "audit", "list", "--limit", "500").code());
        assertEquals(0, cli(null, "audit", "list", "--since", "2999-01-01T00:00:00Z").code()); // nothing yet: no lines
    }

    @Test
    void strictModeIsTheDefaultSoTheArgon2FloorsApply() throws Exception {
        cli(null, "migrate");
        java.util.Map<String, String> weak = java.util.Map.of("GATEHOUSE_ARGON_MEMORY_KIB", "1024", "GATEHOUSE_ARGON_TIME_COST", "1");
        Result refused = cliWith(weak, "operator-passphrase-3\n", "user", "create", "--email", "weak@example.test", "--password-stdin");
        assertEquals(2, refused.code(), refused.err());
        assertTrue(refused.err().contains("argonMemoryKib") && refused.err().contains("strict mode"), refused.err());
        java.util.Map<String, String> dev = new java.util.HashMap<>(weak);
        dev.put("GATEHOUSE_STRICT", "false"); // an explicit choice still works
        dev.put("GATEHOUSE_COOKIE_SECURE", "false");
        Result allowed = cliWith(dev, "operator-passphrase-3\n", "user", "create", "--email", "weak@example.test", "--password-stdin");
        assertEquals(0, allowed.code(), allowed.err());
    }
}
