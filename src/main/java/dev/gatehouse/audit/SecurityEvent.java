package dev.gatehouse.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One security event. Never holds a password, code, secret, cookie or token: a session is named by
 * {@code sessionRef} (the first 16 hex digits of its id, enough to tell a user's devices apart and
 * useless as a credential) and an API token by its public id.
 *
 * @param id         a random id, unique per event
 * @param occurredAt when, UTC, to the microsecond
 * @param type       what happened
 * @param outcome    whether it happened or was refused
 * @param userId     the account it concerns, or null (an unknown identifier, an anonymous refusal)
 * @param actor      who did it: the user id for the user's own actions, an administrator's user id, or
 *                   {@code cli}; null when unknown
 * @param sessionRef the session it happened in, or null
 * @param tokenRef   the API token's id, or null
 * @param ip         the client address, or null
 * @param userAgent  the client's {@code User-Agent}, clipped to 512 characters, or null
 * @param details    further facts as short strings (at most 2 KB in JSON), e.g. {@code reason}, {@code factor}
 */
public record SecurityEvent(String id, Instant occurredAt, EventType type, Outcome outcome, String userId,
                            String actor, String sessionRef, String tokenRef, String ip, String userAgent,
                            Map<String, String> details) {
    public SecurityEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
