package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "sessions")
public class SessionEntity {

    @Id
    @Column(name = "token_sha256", length = 64)
    public String tokenSha256;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    @Column(name = "ip", length = 64)
    public String ip;

    /** When the user last proved who they are in this session; null for sessions from 0.1. */
    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "authenticated_at")
    public Instant authenticatedAt;

    /** How: the factors' wire names joined with ',' ("password,totp"). */
    @Column(name = "factors", length = 64)
    public String factors;

    /** Null, or what alone the session may do ("mfa_enrolment"). */
    @Column(name = "restriction", length = 32)
    public String restriction;
}
