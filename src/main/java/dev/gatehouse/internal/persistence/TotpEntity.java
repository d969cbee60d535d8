package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A user's TOTP factor: the sealed secret, and the newest time step accepted (never accepted twice). */
@Entity
@Table(name = "mfa_totp")
public class TotpEntity {

    @Id
    @Column(name = "user_id", length = 64)
    public String userId;

    @Column(name = "secret_sealed", length = 255, nullable = false)
    public String secretSealed;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null until the first valid code confirms the enrolment; only a confirmed factor is asked for. */
    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_step", nullable = false)
    public long lastStep;
}
