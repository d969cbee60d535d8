package dev.gatehouse.internal.web.api;

import dev.gatehouse.Caller;
import dev.gatehouse.session.SessionInfo;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;

/** The session rows: list the caller's sessions, revoke one, revoke all but the current one. */
final class SessionHandlers {

    private final SessionService sessions;

    SessionHandlers(SessionService sessions) {
        this.sessions = sessions;
    }

    void list(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        JsonArrayBuilder list = JsonIo.array();
        for (SessionInfo s : sessions.list(caller.userId(), c.who().cookieValue())) {
            list.add(Views.session(s));
        }
        JsonIo.write(c.res(), 200, JsonIo.object().add("sessions", list).build());
    }

    void revoke(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        boolean revoked = sessions.revoke(caller.userId(), c.id());
        Views.ok(c.res(), 200, JsonIo.object().add("revoked", revoked));
    }

    void revokeOthers(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        int n = sessions.revokeOthers(caller.userId(), caller.sessionId());
        Views.ok(c.res(), 200, JsonIo.object().add("revoked", n));
    }
}
