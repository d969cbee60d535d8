package dev.gatehouse.internal.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "user_roles")
@IdClass(UserRoleEntity.Key.class)
public class UserRoleEntity {

    @Id
    @Column(name = "user_id", length = 64)
    public String userId;

    @Id
    @Column(name = "role_name", length = 64)
    public String roleName;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** Composite primary key. */
    public static class Key implements Serializable {
        public String userId;
        public String roleName;

        public Key() {
        }

        public Key(String userId, String roleName) {
            this.userId = userId;
            this.roleName = roleName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(roleName, k.roleName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, roleName);
        }
    }
}
