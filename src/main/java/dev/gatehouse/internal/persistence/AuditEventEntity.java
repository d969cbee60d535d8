package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One row of the audit trail. */
@Entity
@Table(name = "audit_events")
public class AuditEventEntity {

    @Id
    @Column(name = "id", length = 32)
    public String id;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "type", length = 64, nullable = false)
    public String type;

    @Column(name = "outcome", length = 16, nullable = false)
    public String outcome;

    @Column(name = "user_id", length = 64)
    public String userId;

    @Column(name = "actor", length = 64)
    public String actor;

    @Column(name = "session_ref", length = 64)
    public String sessionRef;

    @Column(name = "token_ref", length = 64)
    public String tokenRef;

    @Column(name = "ip", length = 64)
    public String ip;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    @Column(name = "details", length = 2048)
    public String details;
}
