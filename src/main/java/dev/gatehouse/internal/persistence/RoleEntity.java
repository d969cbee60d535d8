package dev.gatehouse.internal.persistence;

import dev.gatehouse.role.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "roles")
public class RoleEntity {

    @Id
    @Column(name = "name", length = 64)
    public String name;

    @Column(name = "permissions", length = 4000, nullable = false)
    public String permissions;

    @JdbcTypeCode(SqlTypes.TIMESTAMP)
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public List<String> permissionList() {
        return permissions.isEmpty() ? List.of() : Arrays.asList(permissions.split(" "));
    }

    public Role toRole() {
        return new Role(name, permissionList(), createdAt);
    }
}
