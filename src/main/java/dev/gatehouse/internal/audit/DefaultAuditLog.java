package dev.gatehouse.internal.audit;

import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.persistence.AuditEventEntity;
import dev.gatehouse.internal.persistence.AuditEventRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import jakarta.json.JsonException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads {@code audit_events} with keyset paging, and deletes what is past retention. */
public final class DefaultAuditLog implements AuditLog {

    private final Transactions tx;
    private final Clock clock;
    private final int retentionDays;
    private final AuditTrail trail;
    private final AuditEventRepository rows = new AuditEventRepository();

    public DefaultAuditLog(Transactions tx, Clock clock, int retentionDays, AuditTrail trail) {
        this.tx = tx;
        this.clock = clock;
        this.retentionDays = retentionDays;
        this.trail = trail;
    }

    /** The trail that writes what this log reads (the CDI producer hands it to the web layer). */
    public AuditTrail trail() {
        return trail;
    }

    /** The trail behind a log Gatehouse built. @throws IllegalArgumentException any other log */
    public static AuditTrail trailOf(AuditLog log) {
        if (log instanceof DefaultAuditLog d) {
            return d.trail;
        }
        throw new IllegalArgumentException("not Gatehouse's own audit log: " + log);
    }

    @Override
    public AuditPage query(AuditQuery q) {
        AuditCursor after = q.cursor() == null ? null : AuditCursor.decode(q.cursor());
        List<String> types = q.types().stream().map(EventType::wireName).toList();
        AuditEventRepository.Filter f = new AuditEventRepository.Filter(q.userId(), types, q.from(), q.to(),
                after == null ? null : after.at(), after == null ? null : after.id());
        List<AuditEventEntity> found = tx.inTransaction(em -> rows.page(em, f, q.limit() + 1));
        boolean more = found.size() > q.limit();
        List<AuditEventEntity> page = more ? found.subList(0, q.limit()) : found;
        List<SecurityEvent> events = new ArrayList<>(page.size());
        for (AuditEventEntity r : page) {
            event(r).ifPresent(events::add);
        }
        AuditEventEntity last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new AuditPage(events, more ? new AuditCursor(last.occurredAt, last.id).encode() : null);
    }

    @Override
    public AuditPage forUser(String userId, int limit, String cursor) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId is required");
        }
        return query(new AuditQuery(userId, null, null, null, limit, cursor));
    }

    /** Deletes events older than {@code auditRetentionDays}. */
    public int sweepExpired() {
        Instant cutoff = Clocks.now(clock).minus(Duration.ofDays(retentionDays));
        return tx.inTransaction(em -> rows.deleteBefore(em, cutoff));
    }

    /** A row as an event; empty for a type this version does not know (written by a newer one). */
    private static Optional<SecurityEvent> event(AuditEventEntity r) {
        Optional<EventType> type = EventType.fromWire(r.type);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Outcome outcome = "FAILURE".equals(r.outcome) ? Outcome.FAILURE : Outcome.SUCCESS;
        return Optional.of(new SecurityEvent(r.id, r.occurredAt, type.get(), outcome, r.userId, r.actor, r.sessionRef,
                r.tokenRef, r.ip, r.userAgent, details(r.details)));
    }

    private static Map<String, String> details(String json) {
        try {
            Map<String, String> d = DetailsJson.read(json);
            d.values().removeIf(Objects::isNull);
            return d;
        } catch (JsonException e) { // not written by the trail: show that rather than fail the page
            return Map.of("unreadable", "true");
        }
    }
}
