package dev.gatehouse.audit;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.InvalidRequestException;

/**
 * Reads the security event trail ({@code audit_events}). Pages are newest first and stable: paging
 * with {@link AuditPage#nextCursor()} neither repeats nor skips an event, also while new events are
 * written (they belong before the first page). Events older than {@code auditRetentionDays} are
 * deleted by housekeeping. Thread-safe. These methods check no permission: the HTTP API lets a
 * user read their own events and a holder of {@code audit.read} everyone's.
 */
public interface AuditLog {

    /**
     * The events matching the query, newest first.
     *
     * @throws InvalidRequestException the cursor is not one this log handed out (code {@code invalid_request})
     * @throws GatehouseUnavailableException the database cannot answer
     */
    AuditPage query(AuditQuery q);

    /**
     * The user's own events, newest first: {@code query} with only the user filter.
     *
     * @param limit  1–200
     * @param cursor null for the first page
     * @throws InvalidRequestException a limit outside 1–200 or a cursor this log did not hand out
     * @throws GatehouseUnavailableException the database cannot answer
     */
    AuditPage forUser(String userId, int limit, String cursor);
}
