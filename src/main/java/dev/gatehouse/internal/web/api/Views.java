package dev.gatehouse.internal.web.api;

import dev.gatehouse.User;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;

/** The API's JSON shapes of its records. */
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

    static JsonObjectBuilder nullable(JsonObjectBuilder b, String key, Object value) {
        if (value == null) {
            return b.addNull(key);
        }
        if (value instanceof Instant i) {
            return b.add(key, i.toString());
        }
        return b.add(key, value.toString());
    }
}
