package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sign-in whose password was right, waiting for its second factor. */
@Entity
@Table(name = "mfa_challenges")
public class MfaChallengeEntity {

    @Id
    @Column(name = "token_sha256", length = 64)
    public String tokenSha256;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    /** The normalised sign-in identifier: the account's failure lock is keyed by it. */
    @Column(name = "identifier", length = 320, nullable = false)
    public String identifier;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "ip", length = 64)
    public String ip;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    /** The factor that earned the challenge: null for the password, else its wire name ({@code oidc}). */
    @Column(name = "first_factor", length = 16)
    public String firstFactor;
}
