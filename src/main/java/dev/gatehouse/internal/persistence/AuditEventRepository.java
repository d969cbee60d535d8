package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** The {@code audit_events} table, inside the caller's transaction. */
public final class AuditEventRepository {

    /**
     * What to read: every field may be null (no filter); {@code afterTime}/{@code afterId} is the
     * last row of the previous page (keyset paging on {@code occurred_at, id}, both descending).
     */
    public record Filter(String userId, Collection<String> types, Instant from, Instant to, Instant afterTime,
                         String afterId) {
    }

    /** At most {@code max} rows matching the filter, newest first (ties by id, descending). */
    public List<AuditEventEntity> page(EntityManager em, Filter f, int max) {
        StringBuilder jpql = new StringBuilder("select e from AuditEventEntity e where 1 = 1");
        if (f.userId() != null) {
            jpql.append(" and e.userId = :user");
        }
        if (f.types() != null && !f.types().isEmpty()) {
            jpql.append(" and e.type in :types");
        }
        if (f.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (f.to() != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        if (f.afterTime() != null) {
            jpql.append(" and (e.occurredAt < :at or (e.occurredAt = :at and e.id < :aid))");
        }
        jpql.append(" order by e.occurredAt desc, e.id desc");
        TypedQuery<AuditEventEntity> q = em.createQuery(jpql.toString(), AuditEventEntity.class);
        if (f.userId() != null) {
            q.setParameter("user", f.userId());
        }
        if (f.types() != null && !f.types().isEmpty()) {
            q.setParameter("types", f.types());
        }
        if (f.from() != null) {
            q.setParameter("from", f.from());
        }
        if (f.to() != null) {
            q.setParameter("to", f.to());
        }
        if (f.afterTime() != null) {
            q.setParameter("at", f.afterTime()).setParameter("aid", f.afterId());
        }
        return q.setMaxResults(max).getResultList();
    }

    /** Deletes the events that occurred before {@code cutoff}. */
    public int deleteBefore(EntityManager em, Instant cutoff) {
        return em.createQuery("delete from AuditEventEntity e where e.occurredAt < :c")
                .setParameter("c", cutoff).executeUpdate();
    }
}
