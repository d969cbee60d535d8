package dev.gatehouse.internal.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.config.AuthSettings;
import org.junit.jupiter.api.Test;

class PoolsTest {

    @Test
    void everyPoolGetsTheDatabaseTimeouts() {
        AuthSettings s = AuthSettings.builder().jdbcUrl("jdbc:h2:mem:pools;DB_CLOSE_DELAY=-1").databaseTimeoutSeconds(3)
                .build();
        try (HikariDataSource cli = Pools.open(s, "gatehouse-cli", 2)) {
            assertEquals("gatehouse-cli", cli.getPoolName());
            assertEquals(2, cli.getMaximumPoolSize());
            assertEquals(3000, cli.getConnectionTimeout());
            assertEquals(3000, cli.getValidationTimeout());
            assertEquals(3000, cli.getInitializationFailTimeout());
            assertEquals("TRANSACTION_READ_COMMITTED", cli.getTransactionIsolation());
            assertTrue(cli.isAutoCommit());
        }
    }

    @Test
    void anUnreachableDatabaseFailsWithoutShowingThePassword() {
        AuthSettings s = AuthSettings.builder().jdbcUrl("jdbc:postgresql://127.0.0.1:1/x?password=hunter2")
                .databaseTimeoutSeconds(1).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Pools.open(s, "gatehouse", 1));
        assertTrue(e.getMessage().startsWith("Gatehouse cannot connect to jdbc:postgresql://127.0.0.1:1/x?password=***"),
                e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
}
