package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "auth_tokens")
public class AuthTokenEntity {

    @Id
    @Column(name = "token_sha256", length = 64)
    public String tokenSha256;

    @Column(name = "purpose", length = 64, nullable = false)
    public String purpose;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "used_at")
    public Instant usedAt;

    /** What the link carries besides its owner (the new address of an email change), else null. */
    @Column(name = "detail", length = 320)
    public String detail;
}
