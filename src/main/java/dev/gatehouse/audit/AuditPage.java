package dev.gatehouse.audit;

import java.util.List;

/**
 * One page of security events, newest first.
 *
 * @param events     at most the query's {@code limit} events
 * @param nextCursor the cursor of the following page (pass it to {@link AuditQuery#withCursor}), or
 *                   null when this is the last page
 */
public record AuditPage(List<SecurityEvent> events, String nextCursor) {
    public AuditPage {
        events = List.copyOf(events);
    }
}
