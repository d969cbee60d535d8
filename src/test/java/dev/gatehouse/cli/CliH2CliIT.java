package dev.gatehouse.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                "tokens list", "tokens revoke", "tokens mint", "sweep", "--json"}) {
            assertTrue(help.out().contains(c), c);
        }
    }

}
