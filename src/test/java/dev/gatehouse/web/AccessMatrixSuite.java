package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.account.UserAdminService;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The 401/403/200 matrix for a container-constrained servlet, an {@code @RolesAllowed} CDI bean,
 * {@code @RequiresPermission} methods, programmatic guards and recent-authentication guards, for anonymous, user, admin, and an
 * admin's API token with and without the needed scope.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AccessMatrixSuite {


    /** Columns: anonymous, user, admin, PAT with scope, PAT without scope. */
    static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GET /admin", new int[] {401, 403, 200, 200, 403});
        EXPECTED.put("GET /service?m=adminOnly", new int[] {401, 403, 200, 200, 403});
        EXPECTED.put("GET /service?m=guarded", new int[] {401, 403, 200, 200, 403});
        EXPECTED.put("GET /service?m=exempt", new int[] {200, 200, 200, 200, 200});
        EXPECTED.put("GET /service?m=open", new int[] {200, 200, 200, 200, 200});
        EXPECTED.put("GET /service?m=locked", new int[] {401, 403, 403, 403, 403});
        EXPECTED.put("GET /projects", new int[] {401, 200, 200, 200, 403});
        EXPECTED.put("POST /projects", new int[] {401, 403, 200, 200, 403});
        EXPECTED.put("GET /reports", new int[] {401, 403, 200, 403, 200}); // PAT-scope holds exactly reports.view
        EXPECTED.put("GET /account", new int[] {401, 200, 200, 403, 403}); // @RequiresSession bean
        EXPECTED.put("POST /account", new int[] {401, 200, 200, 403, 403}); // Guards.requireSession
        // the sessions signed up moments ago, so they are recent; tokens never are
        EXPECTED.put("PUT /account", new int[] {401, 200, 200, 403, 403}); // Guards.requireRecentAuth
        EXPECTED.put("DELETE /account", new int[] {401, 200, 200, 403, 403}); // @RequiresRecentAuth bean
        // the passkey rows of the API (issue 15): a browser session only; signing in is anyone's
        EXPECTED.put("GET /auth/passkeys", new int[] {401, 200, 200, 403, 403});
        EXPECTED.put("POST /auth/passkeys/register/options", new int[] {401, 200, 200, 403, 403});
        EXPECTED.put("POST /auth/passkeys/register", new int[] {401, 415, 415, 403, 403}); // the caller first, then the body
        EXPECTED.put("PATCH /auth/passkeys/none", new int[] {401, 415, 415, 403, 403});
        EXPECTED.put("DELETE /auth/passkeys/none", new int[] {401, 404, 404, 403, 403});
        EXPECTED.put("POST /auth/passkeys/reauth/options", new int[] {401, 200, 200, 403, 403});
        EXPECTED.put("POST /auth/passkeys/login/options", new int[] {200, 200, 200, 200, 200});
        // the OpenID Connect rows (issue 16), against a provider in this JVM: list, start and callback are anyone's
        // browser navigation (a callback without its flow cookie is refused for everyone); the rest need a session
        EXPECTED.put("GET /auth/oidc/providers", new int[] {200, 200, 200, 200, 200});
        EXPECTED.put("GET /auth/oidc/corp/start", new int[] {302, 302, 302, 302, 302});
        EXPECTED.put("GET /auth/oidc/corp/callback?code=c&state=s", new int[] {401, 401, 401, 401, 401});
        EXPECTED.put("GET /auth/oidc/identities", new int[] {401, 200, 200, 403, 403});
        EXPECTED.put("DELETE /auth/oidc/identities/none", new int[] {401, 404, 404, 403, 403});
        EXPECTED.put("POST /auth/oidc/corp/link", new int[] {401, 200, 200, 403, 403});
        EXPECTED.put("POST /auth/oidc/corp/reauth", new int[] {401, 400, 400, 403, 403}); // no identity linked yet
    }

    no.nav.security.mock.oauth2.MockOAuth2Server provider;

    static final long REAUTH_WINDOW = 300;

    TestServer server;
    Http http;
    final List<String[]> callers = new ArrayList<>();

    protected abstract TestServer.Mode mode();

    @BeforeAll
    void boot() throws Exception {
        provider = new no.nav.security.mock.oauth2.MockOAuth2Server();
        provider.start();
        server = TestServer.start(mode(), TestServer.settings().rateLimitSignUpPerHour(1000)
                .reauthWindowSeconds(REAUTH_WINDOW).oidcProviders(List.of(new dev.gatehouse.config.OidcProviderSettings(
                        "corp", provider.issuerUrl("corp").toString(), "app", null, null, true, null))).build());
        http = new Http(server.base());
        MatrixCallers made = MatrixCallers.signUp(http);
        callers.addAll(made.headers());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        provider.shutdown();
    }



    @Test
    void everyCallerGetsTheExpectedStatus() throws Exception {
        List<String> mismatches = new ArrayList<>();
        String[] names = {"anonymous", "user", "admin", "PAT+scope", "PAT-scope"};
        for (Map.Entry<String, int[]> row : EXPECTED.entrySet()) {
            String[] req = row.getKey().split(" ", 2);
            for (int i = 0; i < callers.size(); i++) {
                int status = http.send(req[0], req[1], null, callers.get(i)).status();
                if (status != row.getValue()[i]) {
                    mismatches.add(row.getKey() + " as " + names[i] + ": expected " + row.getValue()[i] + " got " + status);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void containerAndSecurityContextSeeTheCaller() throws Exception {
        String admin = http.get("/whoami", callers.get(2)).body();
        String id = CDI.current().select(UserAdminService.class).get().findUserByEmail("admin@example.com").orElseThrow().id();
        assertEquals("principal=" + id + " remote=" + id + " admin=true type=GATEHOUSE sc=" + id + " scAdmin=true", admin);
        assertEquals("principal= remote=null admin=false type=null sc= scAdmin=false", http.get("/whoami").body());
        String viaToken = http.get("/whoami", callers.get(4)).body();
        assertEquals("principal=" + id + " remote=" + id + " admin=false type=GATEHOUSE sc=" + id + " scAdmin=false", viaToken);
    }

    @Test
    void apiClientsGetJsonErrorsAndBrowsersTheErrorPage() throws Exception {
        Http.Res json = http.get("/service?m=adminOnly", callers.get(4));
        assertEquals(403, json.status());
        assertEquals("permission_denied", json.json().getString("code"));
        Http.Res anonymousJson = http.get("/projects", "Accept", "application/json");
        assertEquals(401, anonymousJson.status());
        assertEquals("auth_required", anonymousJson.json().getString("code"));
        Http.Res page = http.get("/projects", "Accept", "text/html");
        assertEquals(401, page.status());
        assertEquals(false, page.body().contains("Exception"));
    }

    @Test
    void sensitiveActionsAskAnAgedSessionToReauthenticate() throws Exception {
        assertEquals(List.of(), RecentAuthCheck.agedSessionMustReauthenticate(http, "aged@example.com", REAUTH_WINDOW,
                List.of("PUT /account", "DELETE /account"), callers.get(3)));
    }
}
