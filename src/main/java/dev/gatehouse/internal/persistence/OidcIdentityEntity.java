package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An OpenID Connect identity (issuer, subject) linked to a local account. */
@Entity
@Table(name = "oidc_identities")
public class OidcIdentityEntity {

    @Id
    @Column(name = "id", length = 32)
    public String id;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    /** SHA-256 (hex) of issuer + "\n" + subject: the unique key. */
    @Column(name = "identity_sha256", length = 64, nullable = false, unique = true)
    public String identitySha256;

    @Column(name = "provider", length = 32, nullable = false)
    public String provider;

    @Column(name = "issuer", length = 512, nullable = false)
    public String issuer;

    @Column(name = "subject", length = 255, nullable = false)
    public String subject;

    @Column(name = "email", length = 320)
    public String email;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
