package dev.gatehouse.internal.web.api;

import dev.gatehouse.Caller;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The API-token rows: list, create (the raw token is shown once), revoke. */
final class TokenHandlers {

    private final ApiTokenService apiTokens;

    TokenHandlers(ApiTokenService apiTokens) {
        this.apiTokens = apiTokens;
    }

    void list(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        JsonArrayBuilder list = JsonIo.array();
        apiTokens.list(caller.userId()).forEach(t -> list.add(Views.apiToken(t)));
        JsonIo.write(c.res(), 200, JsonIo.object().add("tokens", list).build());
    }

    void create(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        JsonObject body = c.body();
        String name = JsonBodies.string(body, "name", "'name' and 'scopes' are required.");
        List<String> scopes = scopes(body.get("scopes"));
        Integer days = expiresInDays(body.get("expiresInDays"));
        NewApiToken t = apiTokens.create(caller.userId(), name, scopes, days);
        Views.ok(c.res(), 201, JsonIo.object().add("token", t.raw()).add("apiToken", Views.apiToken(t.token())));
    }

    void revoke(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        Views.ok(c.res(), 200, JsonIo.object().add("revoked", apiTokens.revoke(caller.userId(), c.id())));
    }

    private static List<String> scopes(JsonValue value) {
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiError.badRequest("'scopes' must be a list of strings.");
        }
        List<String> scopes = new ArrayList<>();
        for (JsonValue v : value.asJsonArray()) {
            if (!(v instanceof JsonString s)) {
                throw ApiError.badRequest("'scopes' must be a list of strings.");
            }
            scopes.add(s.getString());
        }
        return scopes;
    }

    /** Null when absent or JSON null (the default lifetime). */
    private static Integer expiresInDays(JsonValue d) {
        if (d == null || d.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(d instanceof JsonNumber n) || !n.isIntegral()) {
            throw ApiError.badRequest("'expiresInDays' must be a whole number.");
        }
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw ApiError.badRequest("'expiresInDays' is out of range.");
        }
    }
}
