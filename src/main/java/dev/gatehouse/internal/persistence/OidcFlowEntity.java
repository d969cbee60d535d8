package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A sign-in or link sent to a provider and waiting for its callback; known by the SHA-256 of the flow cookie. */
@Entity
@Table(name = "oidc_flows")
public class OidcFlowEntity {

    @Id
    @Column(name = "flow_sha256", length = 64)
    public String flowSha256;

    @Column(name = "provider", length = 32, nullable = false)
    public String provider;

    /** {@code sign_in}, {@code link} or {@code reauth}. */
    @Column(name = "purpose", length = 16, nullable = false)
    public String purpose;

    /** The account a link is for; null for a sign-in. */
    @Column(name = "user_id", length = 64)
    public String userId;

    /** The session a re-authentication renews; null otherwise. */
    @Column(name = "session_id", length = 64)
    public String sessionId;

    @Column(name = "return_to", length = 512)
    public String returnTo;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
