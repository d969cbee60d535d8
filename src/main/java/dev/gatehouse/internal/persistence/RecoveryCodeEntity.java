package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One single-use recovery code, stored as the SHA-256 of its canonical form. */
@Entity
@Table(name = "recovery_codes")
public class RecoveryCodeEntity {

    @Id
    @Column(name = "code_sha256", length = 64)
    public String codeSha256;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "used_at")
    public Instant usedAt;
}
