package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.internal.persistence.Migrations;
import dev.gatehouse.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The changelog applies to an empty database (the shared test database starts empty), re-runs
 * as a no-op, survives concurrent appliers, and Hibernate's validation passes (every
 * {@link Gatehouse#start} validates).
 */
public abstract class MigrationSuite extends DatabaseSuite {

    /** Changesets in liquibase/changes: 0001-core-schema.xml has 8, 0002-account-security.xml 7. */
    public static final int CHANGESETS = 25;

    @Test
    void changelogAppliedEachChangesetOnceAndRerunIsANoOp() {
        long applied = count("SELECT COUNT(*) FROM gatehouse_databasechangelog");
        assertEquals(CHANGESETS, applied);
        Migrations.apply(dataSource());
        gh(b -> b.runMigrations(true)); // a second start migrates (nothing to do) and validates
        assertEquals(applied, count("SELECT COUNT(*) FROM gatehouse_databasechangelog"));
        assertEquals(applied, count("SELECT COUNT(DISTINCT id) FROM gatehouse_databasechangelog"));
    }

    @Test
    void concurrentAppliersOnAFreshSchemaApplyEachChangesetExactlyOnce() throws Exception {
        try (HikariDataSource fresh = database().freshDataSource()) {
            TokenServiceSuite.race(3, () -> {
                Migrations.apply(fresh);
                return true;
            });
            try (var c = fresh.getConnection(); var s = c.createStatement();
                 var rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT id) FROM gatehouse_databasechangelog")) {
                rs.next();
                assertEquals(CHANGESETS, rs.getInt(1));
                assertEquals(CHANGESETS, rs.getInt(2));
            }
        }
    }

    @Test
    void tablesStartEmptyWithTheDocumentedColumns() {
        for (String table : new String[] {"users", "sessions", "ratelimit_buckets", "auth_tokens", "api_tokens", "roles", "user_roles"}) {
            assertEquals(0, count("SELECT COUNT(*) FROM " + table), table);
        }
        rows("SELECT id, email, username, password_hash, email_verified_at, created_at, plan, disabled_at FROM users");
        rows("SELECT token_sha256, user_id, created_at, expires_at, user_agent, ip FROM sessions");
        rows("SELECT bucket_key, count, expires_at FROM ratelimit_buckets");
        rows("SELECT token_sha256, purpose, user_id, created_at, expires_at, used_at FROM auth_tokens");
        rows("SELECT id, token_sha256, user_id, name, scopes, created_at, expires_at, last_used_at, revoked_at FROM api_tokens");
        rows("SELECT name, permissions, created_at FROM roles");
        rows("SELECT user_id, role_name, granted_at FROM user_roles");
    }

    @Test
    void instantsRoundTripInUtcWithMicrosecondPrecision() {
        Instant precise = MutableClock.T0.plusNanos(123_456_789);
        CLOCK.set(precise);
        User u = gh().auth().signUp("a@b.com", null, "tangerine-otter-42", null, null).user();
        Instant stored = gh().auth().findUser(u.id()).orElseThrow().createdAt();
        assertEquals(MutableClock.T0.plusNanos(123_456_000), stored);
        // UTC wall time in the column, whatever the JVM's zone
        assertTrue(rows("SELECT created_at FROM users").get(0).get(0).startsWith("2026-03-01 10:00:00.123456"));
        CLOCK.advance(Duration.ofDays(365 * 20)); // past 2038 on every database
        User late = gh().auth().signUp("b@b.com", null, "tangerine-otter-42", null, null).user();
        assertEquals(late.createdAt(), gh().auth().findUser(late.id()).orElseThrow().createdAt());
    }

    @Test
    void sessionsCascadeWhenAUserRowIsDeletedDirectly() {
        gh().auth().signUp("a@b.com", null, "tangerine-otter-42", null, null);
        exec("DELETE FROM users");
        assertEquals(0, count("SELECT COUNT(*) FROM sessions"));
        assertEquals(List.of(), rows("SELECT * FROM sessions"));
    }
}
