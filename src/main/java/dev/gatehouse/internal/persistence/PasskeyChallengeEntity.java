package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A WebAuthn ceremony waiting for the browser, keyed by the SHA-256 of its challenge. */
@Entity
@Table(name = "passkey_challenges")
public class PasskeyChallengeEntity {

    @Id
    @Column(name = "challenge_sha256", length = 64)
    public String challengeSha256;

    /** register, sign_in, reauth or sign_up. */
    @Column(name = "purpose", length = 16, nullable = false)
    public String purpose;

    /** Whose ceremony; null for a discoverable sign-in and a sign-up. */
    @Column(name = "user_id", length = 64)
    public String userId;

    /** The user handle a registration or sign-up put into its options. */
    @Column(name = "user_handle", length = 64)
    public String userHandle;

    /** The identifiers a password-less sign-up holds until it completes. */
    @Column(name = "email", length = 320)
    public String email;

    @Column(name = "username", length = 320)
    public String username;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;
}
