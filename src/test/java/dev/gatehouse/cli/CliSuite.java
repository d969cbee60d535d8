package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The real CLI jar as a process: exit codes, output and the rows it leaves. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CliSuite {

    record Result(int code, String out, String err) {
        JsonObject json() {
            return Json.createReader(new StringReader(out)).readObject();
        }
    }

    String url;

    protected abstract String freshDatabaseUrl();

    @BeforeAll
    void database() {
        url = freshDatabaseUrl();
    }

    Result cli(String stdin, String... args) throws Exception {
        return cliWith(java.util.Map.of(), stdin, args);
    }

    /** The jar with GATEHOUSE_JDBC_URL and the given extra environment. */
    Result cliWith(java.util.Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("test.cliJar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("GATEHOUSE_JDBC_URL", url);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "CLI did not finish");
        return new Result(p.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
    }

    @Test
    void fullOperatorSession() throws Exception {
        Result status0 = cli(null, "status", "--json");
        assertEquals(0, status0.code(), status0.err());
        assertEquals(0, status0.json().getInt("changesets"));

        Result migrate = cli(null, "migrate", "--json");
        assertEquals(0, migrate.code(), migrate.err());
        assertEquals(dev.gatehouse.MigrationSuite.CHANGESETS, migrate.json().getJsonArray("applied").size());
        assertEquals(0, cli(null, "migrate", "--json").json().getJsonArray("applied").size()); // second run: nothing

        Result created = cli("operator-passphrase-1\n", "user", "create", "--email", "Ops@Example.test", "--password-stdin", "--json");
        assertEquals(0, created.code(), created.err());
        String id = created.json().getString("id");
        assertEquals("ops@example.test", created.json().getString("email"));
        assertFalse(created.out().contains("operator-passphrase-1") || created.err().contains("operator-passphrase-1"));

        assertEquals(0, cli(null, "role", "define", "--name", "admin", "--permissions", "*").code());
        Result grant = cli(null, "role", "grant", "--user", "ops@example.test", "--role", "admin", "--json");
        assertEquals("[\"admin\"]", grant.json().getJsonArray("roles").toString());

        Result mint = cli(null, "tokens", "mint", "--user", id, "--name", "deploy bot", "--scopes", "projects.read,role:admin",
                "--days", "30", "--json");
        assertEquals(0, mint.code(), mint.err());
        String raw = mint.json().getString("token");
        assertTrue(raw.startsWith("gate_pat_"));
        Result list = cli(null, "tokens", "list", "--user", id, "--json");
        assertEquals(1, list.json().getJsonArray("tokens").size());
        assertFalse(list.out().contains(raw));

        // what the CLI wrote, seen through the library itself
        try (Gatehouse gh = Gatehouse.start(AuthSettings.defaults().forTests().toBuilder().jdbcUrl(url)
                .housekeepingIntervalSeconds(0).runMigrations(false).build(), Clock.systemUTC())) {
            assertEquals(id, gh.auth().signIn("ops@example.test", "operator-passphrase-1", null, null).user().id());
            assertTrue(gh.apiTokens().resolve(raw, "projects.read").isPresent());
            assertEquals(List.of("admin"), gh.roles().rolesFor(id));
        }

        Result status = cli(null, "status", "--json");
        assertEquals(1, status.json().getInt("users"));
        assertEquals(1, status.json().getInt("liveSessions"));
        assertEquals(1, status.json().getInt("liveApiTokens"));

        assertEquals(1, cli(null, "sessions", "end", "--user", id, "--json").json().getInt("ended"));
        Result disable = cli(null, "user", "disable", "--user", id, "--json");
        assertTrue(disable.json().getBoolean("disabled"));
        assertEquals(0, cli(null, "status", "--json").json().getInt("liveApiTokens"));
        assertEquals(0, cli(null, "user", "enable", "--user", id).code());
        String token2 = cli(null, "tokens", "mint", "--user", id, "--name", "t2", "--scopes", "a", "--json").json().getString("id");
        assertEquals(0, cli(null, "tokens", "revoke", "--user", id, "--id", token2).code());
        assertEquals(3, cli(null, "tokens", "revoke", "--user", id, "--id", token2).code());
        assertEquals(0, cli(null, "sweep", "--json").code());
        assertEquals(0, cli(null, "user", "delete", "--user", id).code());
        assertEquals(0, cli(null, "status", "--json").json().getInt("users"));
    }

    @Test
    void anOperatorListsAUsersPasskeysAndDeletesALostOne() throws Exception {
        String own = freshDatabaseUrl(); // not the operator session's database, whose counts that test asserts
        java.util.Map<String, String> db = java.util.Map.of("GATEHOUSE_JDBC_URL", own);
        assertEquals(0, cliWith(db, null, "migrate").code());
        String id;
        try (Gatehouse gh = Gatehouse.start(AuthSettings.defaults().forTests().toBuilder().jdbcUrl(own)
                .publicBaseUrl("https://app.example.test").housekeepingIntervalSeconds(0).runMigrations(false).build(),
                Clock.systemUTC())) {
            id = gh.auth().signUp("keys@example.test", null, "operator-passphrase-2", null, null).user().id();
            dev.gatehouse.testing.SoftAuthenticator phone = new dev.gatehouse.testing.SoftAuthenticator();
            gh.passkeys().register(id, phone.create(gh.passkeys().registrationOptions(id).json(), "https://app.example.test"),
                    "Phone", null, null);
        }
        Result list = cliWith(db, null, "passkeys", "list", "--user", "keys@example.test", "--json");
        assertEquals(0, list.code(), list.err());
        var keys = list.json().getJsonArray("passkeys");
        assertEquals(1, keys.size());
        assertEquals("Phone", keys.getJsonObject(0).getString("name"));
        String passkeyId = keys.getJsonObject(0).getString("id");
        assertEquals(0, cliWith(db, null, "passkeys", "delete", "--user", id, "--id", passkeyId).code());
        assertEquals(3, cliWith(db, null, "passkeys", "delete", "--user", id, "--id", passkeyId).code(), "already gone");
        assertEquals(0, cliWith(db, null, "passkeys", "list", "--user", id, "--json").json().getJsonArray("passkeys").size());
        var removed = cliWith(db, null, "audit", "list", "--user", id, "--type", "passkey.removed", "--json").json()
                .getJsonArray("events");
        assertEquals(1, removed.size(), removed.toString());
        assertEquals("cli", removed.getJsonObject(0).getString("actor"), "the trail says the command line removed it");
    }

    static String h2Url() {
        try {
            return "jdbc:h2:file:" + Files.createTempDirectory("gh-cli").resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String postgresUrl() {
        return TestDatabase.POSTGRES.freshUrl();
    }
}
