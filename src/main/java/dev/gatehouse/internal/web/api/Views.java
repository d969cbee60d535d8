package dev.gatehouse.internal.web.api;

import dev.gatehouse.User;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.session.SessionInfo;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;

/** The API's JSON shapes of its records, and its success answer {@code {"ok":true,…}}. */
final class Views {

    private Views() {
    }

    /** {@code null} for no user (an anonymous {@code /me}). */
    static JsonValue user(User u) {
        if (u == null) {
            return JsonValue.NULL;
        }
        JsonObjectBuilder b = JsonIo.object().add("id", u.id());
        nullable(b, "email", u.email());
        nullable(b, "username", u.username());
        return b.add("emailVerified", u.emailVerified()).add("createdAt", u.createdAt().toString()).build();
    }

    static JsonObject session(SessionInfo s) {
        JsonObjectBuilder o = JsonIo.object().add("id", s.id())
                .add("createdAt", s.createdAt().toString()).add("expiresAt", s.expiresAt().toString());
        nullable(o, "ip", s.ip());
        nullable(o, "userAgent", s.userAgent());
        return o.add("current", s.current()).build();
    }

    static JsonObject apiToken(ApiToken t) {
        JsonArrayBuilder scopes = JsonIo.array();
        t.scopes().forEach(scopes::add);
        JsonObjectBuilder o = JsonIo.object().add("id", t.id()).add("name", t.name())
                .add("scopes", scopes).add("createdAt", t.createdAt().toString());
        nullable(o, "expiresAt", t.expiresAt());
        nullable(o, "lastUsedAt", t.lastUsedAt());
        return o.build();
    }

    /** A passkey as its owner sees it: never its credential id or public key. */
    static JsonObject passkey(Passkey p) {
        JsonArrayBuilder transports = JsonIo.array();
        p.transports().forEach(transports::add);
        JsonObjectBuilder o = JsonIo.object().add("id", p.id()).add("name", p.name())
                .add("createdAt", p.createdAt().toString());
        nullable(o, "lastUsedAt", p.lastUsedAt());
        return o.add("backedUp", p.backedUp()).add("transports", transports).build();
    }

    /** {@code {"ok":true}} followed by the fields of {@code extra} (none when null). */
    static void ok(HttpServletResponse res, int status, JsonObjectBuilder extra) throws IOException {
        JsonObjectBuilder b = JsonIo.object().add("ok", true);
        if (extra != null) {
            b.addAll(extra);
        }
        JsonIo.write(res, status, b.build());
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder b, String key, Object value) {
        if (value == null) {
            return b.addNull(key);
        }
        if (value instanceof Instant i) {
            return b.add(key, i.toString());
        }
        return b.add(key, value.toString());
    }
}
