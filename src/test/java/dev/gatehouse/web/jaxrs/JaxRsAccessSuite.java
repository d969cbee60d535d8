package dev.gatehouse.web.jaxrs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.web.Http;
import dev.gatehouse.web.TestServer;
import dev.gatehouse.web.MatrixCallers;
import dev.gatehouse.web.RecentAuthCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 401/403/200 matrix for JAX-RS resources guarded by {@code @RolesAllowed}, {@code @PermitAll},
 * {@code @DenyAll}, {@code @RequiresPermission}, {@code @RequiresSession} and {@code @RequiresRecentAuth} at
 * class and method level, served both by CDI beans and by plain classes, for anonymous, user, admin, and an admin's
 * API token with and without the needed scope; {@code @Context SecurityContext}; a resource calling
 * a guarded CDI bean.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class JaxRsAccessSuite {

    static final String[] NAMES = {"anonymous", "user", "admin", "PAT+scope", "PAT-scope"};

    /**
     * Columns: anonymous, user (role member: projects.read), admin (roles admin: *, and member), the
     * admin's token with scopes role:admin, projects.read, projects.write, and with scope reports.view.
     * Each path is requested under /api/cdi/ and /api/plain/.
     */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET admin/guarded", new int[] {401, 403, 200, 200, 403}); // class @RolesAllowed
        EXPECTED.put("GET admin/exempt", new int[] {200, 200, 200, 200, 200}); // method @PermitAll overrides it
        EXPECTED.put("GET admin/member", new int[] {401, 200, 200, 403, 403}); // method @RolesAllowed; no role:member scope
        EXPECTED.put("GET admin/locked", new int[] {401, 403, 403, 403, 403}); // method @DenyAll
        EXPECTED.put("GET open/open", new int[] {200, 200, 200, 200, 200}); // class @PermitAll
        EXPECTED.put("GET open/admin", new int[] {401, 403, 200, 200, 403}); // method @RolesAllowed overrides it
        EXPECTED.put("GET locked/locked", new int[] {401, 403, 403, 403, 403}); // class @DenyAll
        EXPECTED.put("GET locked/exempt", new int[] {200, 200, 200, 200, 200}); // method @PermitAll overrides it
        EXPECTED.put("GET projects", new int[] {401, 200, 200, 200, 403}); // class @RequiresPermission
        EXPECTED.put("POST projects", new int[] {401, 403, 200, 200, 403}); // method @RequiresPermission overrides it
        EXPECTED.put("GET projects/featured", new int[] {401, 200, 200, 200, 403}); // @PermitAll lifts role rules only
        EXPECTED.put("GET account", new int[] {401, 200, 200, 403, 403}); // class @RequiresSession
        EXPECTED.put("GET account/admin", new int[] {401, 403, 200, 403, 403}); // and method @RolesAllowed
        EXPECTED.put("GET report", new int[] {401, 403, 200, 200, 403}); // @GET on an interface, @RolesAllowed on the class's method
        // the sessions signed up moments ago, so they are recent; tokens never are
        EXPECTED.put("POST account/email", new int[] {401, 200, 200, 403, 403}); // method @RequiresRecentAuth
        EXPECTED.put("GET sensitive", new int[] {401, 200, 200, 403, 403}); // class @RequiresRecentAuth
        EXPECTED.put("GET sensitive/exempt", new int[] {401, 200, 200, 403, 403}); // @PermitAll lifts role rules only
    }

    /** Unguarded resources calling guarded CDI beans: the interceptors' AccessDeniedException, mapped. */
    static final Map<String, int[]> THROUGH_BEANS = new LinkedHashMap<>();

    static {
        THROUGH_BEANS.put("GET /api/service/admin", new int[] {401, 403, 200, 200, 403});
        THROUGH_BEANS.put("GET /api/service/write", new int[] {401, 403, 200, 200, 403});
        THROUGH_BEANS.put("GET /api/service/recent", new int[] {401, 200, 200, 403, 403});
    }

    static final long REAUTH_WINDOW = 300;

    TestServer server;
    Http http;
    String adminId;
    final List<String[]> callers = new ArrayList<>();

    protected abstract JaxRsTestServer.Mode mode();

    @BeforeAll
    void boot() throws Exception {
        server = JaxRsTestServer.start(mode(), JaxRsTestServer.settings().rateLimitSignUpPerHour(1000)
                .reauthWindowSeconds(REAUTH_WINDOW).build());
        http = new Http(server.base());
        MatrixCallers made = MatrixCallers.signUp(http);
        callers.addAll(made.headers());
        adminId = made.adminId();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }



    private List<String> mismatches(Map<String, int[]> expected, String prefix) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            String[] req = row.getKey().split(" ", 2);
            for (int i = 0; i < callers.size(); i++) {
                Http.Res res = http.send(req[0], prefix + req[1], null, callers.get(i));
                if (res.status() != row.getValue()[i]) {
                    mismatches.add(req[0] + " " + prefix + req[1] + " as " + NAMES[i] + ": expected "
                            + row.getValue()[i] + " got " + res.status() + " " + res.body());
                }
            }
        }
        return mismatches;
    }

    @Test
    void plainResourcesAnswerEveryCallerAsTheMatrixSays() throws Exception {
        assertEquals(List.of(), mismatches(EXPECTED, "/api/plain/"));
    }

    @Test
    void cdiBeanResourcesAnswerExactlyAsPlainOnes() throws Exception {
        assertEquals(List.of(), mismatches(EXPECTED, "/api/cdi/"));
    }

    @Test
    void guardedBeansCalledByAResourceAreRefusedWithTheirStatus() throws Exception {
        assertEquals(List.of(), mismatches(THROUGH_BEANS, ""));
    }

    @Test
    void securityContextAnswersFromTheGatehouseCaller() throws Exception {
        assertEquals("principal=" + adminId + " admin=true member=true scheme=SESSION secure=false",
                http.get("/api/whoami", callers.get(2)).body());
        assertEquals("principal=" + adminId + " admin=true member=false scheme=BEARER secure=false",
                http.get("/api/whoami", callers.get(3)).body());
        assertEquals("principal=" + adminId + " admin=false member=false scheme=BEARER secure=false",
                http.get("/api/whoami", callers.get(4)).body());
        assertEquals("principal= admin=false member=false scheme=null secure=false", http.get("/api/whoami").body());
    }

    @Test
    void anAgedSessionIsAskedToReauthenticateWithItsMethodsAndATokenNeverPasses() throws Exception {
        assertEquals(List.of(), RecentAuthCheck.agedSessionMustReauthenticate(http, "aged@example.com", REAUTH_WINDOW,
                List.of("GET /api/cdi/sensitive", "GET /api/plain/sensitive", "GET /api/plain/sensitive/exempt",
                        "POST /api/cdi/account/email", "POST /api/plain/account/email", "GET /api/service/recent"),
                callers.get(3)));
    }
}
