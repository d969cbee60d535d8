package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The black-box suite against a full server running as a separate process (WildFly, Payara), plus
 * what only they have: an EJB container serving the example's Ledger bean.
 */
abstract class ProcessServerSuite extends ExampleBlackBoxSuite {

    ServerProcess server;
    String base;

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected String base() {
        return base;
    }

    /**
     * The EJB container enforces the bean's {@code @RolesAllowed}, {@code @PermitAll}, {@code @DenyAll}
     * and {@code @RunAs} from the Gatehouse caller, and Gatehouse its {@code @RequiresPermission},
     * called from a JAX-RS resource and from a servlet: 401/403, never 500.
     */
    @Test
    void ejbAccessMatrix() throws Exception {
        Map<String, int[]> rows = new LinkedHashMap<>();
        rows.put("summary", new int[] {401, 403, 200, 200, 403});
        rows.put("whoami", new int[] {200, 200, 200, 200, 200});
        rows.put("entries", new int[] {401, 200, 200, 200, 403});
        rows.put("close", new int[] {401, 403, 403, 403, 403});
        rows.put("system", new int[] {401, 403, 403, 403, 403});
        rows.put("sweep", new int[] {401, 403, 200, 200, 403});
        Map<String, int[]> expected = new LinkedHashMap<>();
        rows.forEach((op, statuses) -> {
            expected.put("GET /api/v2/ledger/" + op, statuses);
            expected.put("GET /api/ledger?op=" + op, statuses);
        });
        assertEquals(List.of(), mismatches(expected, Map.of()));
    }

    @Test
    void ejbSeesTheGatehouseCallerAndItsRoles() throws Exception {
        String[][] who = callers();
        String adminId = send("GET", "/auth/me", null, who[2]).json("id");
        for (String path : List.of("/api/v2/ledger/summary", "/api/ledger?op=summary")) {
            Web.Res admin = send("GET", path, null, who[2]);
            assertEquals(adminId, admin.json("principal"), admin.body());
            assertTrue(admin.body().contains("\"admin\":true") && admin.body().contains("\"system\":false"), admin.body());
            Web.Res token = send("GET", path, null, who[3]);
            assertEquals(adminId, token.json("principal"), "an API token acts for its owner: " + token.body());
        }
        Web.Res member = send("GET", "/api/v2/ledger/whoami", null, who[1]);
        assertTrue(member.body().contains("\"admin\":false"), member.body());
        Web.Res sweep = send("GET", "/api/v2/ledger/sweep", null, who[2]);
        assertTrue(sweep.body().contains("\"system\":true"), "@RunAs(\"system\"): " + sweep.body());
    }
}
