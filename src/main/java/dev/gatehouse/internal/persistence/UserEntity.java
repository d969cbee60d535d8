package dev.gatehouse.internal.persistence;

import dev.gatehouse.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "users")
public class UserEntity {

    @Id
    @Column(name = "id", length = 64)
    public String id;

    @Column(name = "email", length = 255, unique = true)
    public String email;

    @Column(name = "username", length = 64, unique = true)
    public String username;

    @Column(name = "password_hash", length = 512)
    public String passwordHash;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "email_verified_at")
    public Instant emailVerifiedAt;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "plan", length = 32, nullable = false)
    public String plan;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "disabled_at")
    public Instant disabledAt;

    public User toUser() {
        return new User(id, email, username, emailVerifiedAt, createdAt, plan, disabledAt);
    }
}
