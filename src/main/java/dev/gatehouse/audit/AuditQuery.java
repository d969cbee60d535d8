package dev.gatehouse.audit;

import dev.gatehouse.InvalidRequestException;
import java.time.Instant;
import java.util.Set;

/**
 * Which security events to read: every filter is optional (null or empty matches everything), and
 * the answer is newest first, {@code limit} at a time.
 *
 * @param userId the account the events concern, or null for every account
 * @param types  the event types to include, or null/empty for all
 * @param from   the earliest time included, or null
 * @param to     the time before which events are included (exclusive), or null
 * @param limit  at most this many events per page, 1–200
 * @param cursor {@link AuditPage#nextCursor()} of the previous page, or null for the first page
 */
public record AuditQuery(String userId, Set<EventType> types, Instant from, Instant to, int limit, String cursor) {

    /** The largest page. */
    public static final int MAX_LIMIT = 200;

    /**
     * @throws InvalidRequestException {@code limit} outside 1–200, or {@code from} after {@code to}
     *                                 (code {@code invalid_request}; the message says which)
     */
    public AuditQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be between 1 and " + MAX_LIMIT + " (got " + limit + ")");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidRequestException("from must not be after to (got from " + from + ", to " + to + ")");
        }
        types = types == null ? Set.of() : Set.copyOf(types);
        userId = userId == null || userId.isBlank() ? null : userId;
        cursor = cursor == null || cursor.isEmpty() ? null : cursor;
    }

    /** The first page of every event, newest first. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, limit, null);
    }

    /** The same filters, from the page after the one that returned {@code nextCursor}. */
    public AuditQuery withCursor(String nextCursor) {
        return new AuditQuery(userId, types, from, to, limit, nextCursor);
    }
}
