package dev.gatehouse.internal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.web.ClientIp;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.testing.FakeRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The route table's matching, and the API's rows as {@link ApiRoutes} lists them. */
class RouteTableTest {

    private final List<String> ran = new ArrayList<>();

    private ApiCall.Handler record(String name) {
        return c -> ran.add(name + (c.id() == null ? "" : "(" + c.id() + ")"));
    }

    private static ApiCall call(String method) {
        return new ApiCall(FakeRequest.of(method, Map.of(), null, new byte[0]), null, Resolution.ANONYMOUS, null, 1024,
                new ClientIp(Set.of()));
    }

    private final RouteTable table = new RouteTable()
            .add("GET", "/sessions", record("list"))
            .add("POST", "/sessions/revoke-others", record("others"))
            .add("DELETE", "/sessions/{id}", record("revoke"))
            .add("GET", "/tokens", record("tokens"))
            .add("POST", "/tokens", record("create"))
            .add("POST", "/off", record("never"), RouteTable.When.NOT_FOUND)
            .add("POST", "/gone", record("never"), RouteTable.When.ABSENT);

    @Test
    void aLiteralPathWinsOverTheIdPattern() throws IOException {
        assertTrue(table.dispatch("/sessions/revoke-others", call("POST")));
        assertTrue(table.dispatch("/sessions/abc", call("DELETE")));
        assertTrue(table.dispatch("/sessions/", call("DELETE"))); // an empty id is the handler's to refuse
        assertTrue(table.dispatch("/sessions/{id}", call("DELETE"))); // the pattern's text is an id like any other
        assertEquals(List.of("others", "revoke(abc)", "revoke()", "revoke({id})"), ran);
        assertEquals("POST", refusal(() -> table.dispatch("/sessions/revoke-others", call("DELETE"))).headers.get("Allow"));
    }

    @Test
    void anIdMayStandInsideAPath() throws IOException {
        RouteTable t = new RouteTable()
                .add("GET", "/oidc/identities", record("identities"))
                .add("DELETE", "/oidc/identities/{id}", record("unlink"))
                .add("GET", "/oidc/{id}/start", record("start"))
                .add("GET", "/oidc/{id}/callback", record("callback"));
        assertTrue(t.dispatch("/oidc/corp/start", call("GET")));
        assertTrue(t.dispatch("/oidc/corp/callback", call("GET")));
        assertTrue(t.dispatch("/oidc/identities", call("GET")));
        assertTrue(t.dispatch("/oidc/identities/abc", call("DELETE")));
        assertEquals(List.of("start(corp)", "callback(corp)", "identities", "unlink(abc)"), ran);
        assertFalse(t.dispatch("/oidc/a/b/start", call("GET")), "an id is one segment");
        assertFalse(t.dispatch("/oidc/corp/finish", call("GET")));
        assertEquals("GET", refusal(() -> t.dispatch("/oidc/corp/start", call("POST"))).headers.get("Allow"));
        assertThrows(IllegalArgumentException.class, () -> t.add("GET", "/x/a{id}", record("never")));
        assertThrows(IllegalArgumentException.class, () -> t.add("GET", "/x/{id}/{id}", record("never")));
    }

    @Test
    void anIdIsOneSegmentAndUnknownPathsAreNotTheApis() throws IOException {
        assertFalse(table.dispatch("/sessions/a/b", call("DELETE")));
        assertFalse(table.dispatch("/nothing", call("GET")));
        assertFalse(table.dispatch("/gone", call("POST")));
        assertFalse(table.dispatch("/", call("GET")));
        assertEquals(List.of(), ran);
    }

    @Test
    void anUnlistedMethodIs405WithTheListedOnesInTableOrder() {
        ApiError e = refusal(() -> table.dispatch("/tokens", call("PUT")));
        assertEquals(405, e.code().httpStatus());
        assertEquals("method_not_allowed", e.code().wire());
        assertEquals(Map.of("Allow", "GET, POST"), e.headers);
        assertEquals("DELETE", refusal(() -> table.dispatch("/sessions/x", call("GET"))).headers.get("Allow"));
    }

    @Test
    void aSwitchedOffFeatureIs404ForEveryMethod() {
        for (String m : List.of("GET", "POST", "DELETE")) {
            ApiError e = refusal(() -> table.dispatch("/off", call(m)));
            assertEquals(404, e.code().httpStatus());
            assertEquals("not_found", e.code().wire());
        }
    }

    @Test
    void theApisRowsFollowItsSettings() throws IOException {
        RouteTable all = api(b -> b.identifier(Identifier.USERNAME));
        assertEquals("GET, POST", refusal(() -> all.dispatch("/tokens", call("DELETE"))).headers.get("Allow"));
        assertEquals("GET", refusal(() -> all.dispatch("/username-available", call("POST"))).headers.get("Allow"));
        assertEquals("POST", refusal(() -> all.dispatch("/login", call("GET"))).headers.get("Allow"));

        RouteTable noSignup = api(b -> b.enableSignup(false).identifier(Identifier.USERNAME));
        assertEquals(404, refusal(() -> noSignup.dispatch("/signup", call("POST"))).code().httpStatus());
        assertEquals(404, refusal(() -> noSignup.dispatch("/username-available", call("GET"))).code().httpStatus());
        assertEquals(404, refusal(() -> api(b -> b).dispatch("/username-available", call("GET"))).code().httpStatus()); // email mode

        RouteTable noCredentials = api(b -> b.enableCredentialsApi(false));
        assertFalse(noCredentials.dispatch("/login", call("POST"))); // the application's own /auth/login, if any
        assertEquals(404, refusal(() -> noCredentials.dispatch("/signup", call("POST"))).code().httpStatus());
    }

    @Test
    void passkeyRowsAre404WhenSwitchedOffIdRowsIncluded() {
        RouteTable on = api(b -> b.enablePasskeys(true));
        assertEquals("PATCH, DELETE", refusal(() -> on.dispatch("/passkeys/abc", call("GET"))).headers.get("Allow"));
        assertEquals(404, refusal(() -> on.dispatch("/passkeys/signup", call("POST"))).code().httpStatus()); // passwordlessSignUp off

        RouteTable off = api(b -> b.enablePasskeys(false).passwordlessSignUp(true));
        for (String path : List.of("/passkeys", "/passkeys/register/options", "/passkeys/register", "/passkeys/login/options",
                "/passkeys/login", "/passkeys/reauth/options", "/passkeys/signup/options", "/passkeys/signup",
                "/passkeys/abc", "/passkeys/")) {
            for (String m : List.of("GET", "POST", "PATCH", "DELETE")) {
                assertEquals(404, refusal(() -> off.dispatch(path, call(m))).code().httpStatus(), m + " " + path);
            }
        }
    }

    private static RouteTable api(UnaryOperator<AuthSettings.Builder> settings) {
        AuthSettings s = settings.apply(AuthSettings.builder()).build();
        // Only refusals are exercised: no handler runs, so the services may be absent.
        return ApiRoutes.of(s, new AccountHandlers(s, null, null, null, null, null, null), new SessionHandlers(null),
                new TokenHandlers(null), new LinkHandlers(null, null, null), new MfaHandlers(null, null, null, null, "gatehouse_mfa"),
                new PasskeyHandlers(null, null, null, null, null, null, "gatehouse_mfa"),
                new OidcHandlers(s, null, null, null, null), new ActivityHandlers(null),
                new OpenApiHandler(s.http().authPathPrefix()));
    }

    private static ApiError refusal(Dispatch d) {
        return assertThrows(ApiError.class, d::run);
    }

    private interface Dispatch {
        void run() throws IOException;
    }
}
