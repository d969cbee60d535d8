package dev.gatehouse.internal.persistence;

import dev.gatehouse.apitoken.ApiToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "api_tokens")
public class ApiTokenEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "token_sha256", length = 64, nullable = false, unique = true)
    public String tokenSha256;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    @Column(name = "name", length = 100, nullable = false)
    public String name;

    @Column(name = "scopes", length = 2200, nullable = false)
    public String scopes;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at")
    public Instant expiresAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "revoked_at")
    public Instant revokedAt;

    public ApiToken toApiToken() {
        return new ApiToken(id, userId, name, Arrays.asList(scopes.split(" ")), createdAt, expiresAt, lastUsedAt,
                revokedAt);
    }
}
