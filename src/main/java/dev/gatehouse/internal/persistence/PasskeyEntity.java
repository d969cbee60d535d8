package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A registered passkey: its credential id (and the id's SHA-256, the unique key), public key and counter. */
@Entity
@Table(name = "passkeys")
public class PasskeyEntity {

    @Id
    @Column(name = "id", length = 32)
    public String id;

    @Column(name = "user_id", length = 64, nullable = false)
    public String userId;

    @Column(name = "credential_sha256", length = 64, nullable = false, unique = true)
    public String credentialSha256;

    /** base64url of the raw credential id (up to 1023 bytes). */
    @Column(name = "credential_id", length = 1400, nullable = false)
    public String credentialId;

    /** base64url of the account's random WebAuthn user handle. */
    @Column(name = "user_handle", length = 64, nullable = false)
    public String userHandle;

    /** base64url of webauthn4j's attested credential data (AAGUID, credential id, COSE public key). */
    @Column(name = "credential_data", length = 4000, nullable = false)
    public String credentialData;

    @Column(name = "sign_count", nullable = false)
    public long signCount;

    @Column(name = "uv_initialized", nullable = false)
    public boolean uvInitialized;

    @Column(name = "backup_eligible", nullable = false)
    public boolean backupEligible;

    @Column(name = "backup_state", nullable = false)
    public boolean backupState;

    /** Comma-separated transports as the browser reported them. */
    @Column(name = "transports", length = 200)
    public String transports;

    @Column(name = "name", length = 64, nullable = false)
    public String name;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
