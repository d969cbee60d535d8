package dev.gatehouse.internal.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The route table, with every feature on, serves exactly the operations the OpenAPI document lists. */
class OpenApiDriftTest {

    @Test
    void theRouteTableAndTheDocumentListTheSameOperations() throws Exception {
        AuthSettings all = AuthSettings.builder().identifier(Identifier.USERNAME).enableSignup(true)
                .enableCredentialsApi(true).enableOpenApi(true).enablePasskeys(true).passwordlessSignUp(true).publicBaseUrl("https://app.example.test")
                .oidcProviders(java.util.List.of(new dev.gatehouse.config.OidcProviderSettings("corp",
                        "https://login.example.test", "app", null, null, false, null))).build();
        RouteTable table = ApiRoutes.of(all, new AccountHandlers(all, null, null, null, null, null, null),
                new SessionHandlers(null), new TokenHandlers(null), new LinkHandlers(null, null, null),
                new MfaHandlers(null, null, null, null, "gatehouse_mfa"),
                new PasskeyHandlers(null, null, null, null, null, null, "gatehouse_mfa"),
                new OidcHandlers(all, null, null, null, null), new ActivityHandlers(null),
                new OpenApiHandler(all.http().authPathPrefix()));
        assertEquals(documented(), table.operations());
    }

    private static Set<String> documented() throws Exception {
        JsonObject doc;
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
            doc = Json.createReader(in).readObject();
        }
        Set<String> ops = new TreeSet<>();
        doc.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(k -> Set.of("get", "post", "put", "delete", "patch", "head", "options", "trace").contains(k))
                .forEach(m -> ops.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return ops;
    }
}
