package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.masked;
import static dev.gatehouse.config.Checks.positive;

/**
 * The database: where it is, how Gatehouse talks to it, and the work it does there in the
 * background. {@link #toString()} hides {@code jdbcPassword}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param jdbcUrl                     JDBC URL when Gatehouse builds its own pool (no DataSource supplied)
 * @param jdbcUser                    user of that pool
 * @param jdbcPassword                password of that pool
 * @param jdbcPoolSize                connections in that pool
 * @param dataSourceJndiName          JNDI name of a container DataSource (must not be a JTA/XA source)
 * @param runMigrations               apply the Liquibase changelog at start-up
 * @param databaseTimeoutSeconds      connection acquisition, statement and lock timeout; a database that does not
 *                                    answer at all is given twice this (JDBC network timeout) before the request
 *                                    fails
 * @param housekeepingIntervalSeconds how often expired rows are swept; 0 disables the sweep
 * @param resolveCacheSeconds         how long a node may reuse a resolved session or API token (and the user's
 *                                    roles) before asking the database again; changes made on the same node apply
 *                                    at once, on other nodes within this bound; 0 disables the cache (at most 300)
 * @param resolveCacheSize            most entries that cache holds
 */
public record DatabaseSettings(
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        int jdbcPoolSize,
        String dataSourceJndiName,
        boolean runMigrations,
        int databaseTimeoutSeconds,
        long housekeepingIntervalSeconds,
        long resolveCacheSeconds,
        int resolveCacheSize) {

    public DatabaseSettings {
        jdbcUrl = blankToNull(jdbcUrl);
        jdbcUser = blankToNull(jdbcUser);
        jdbcPassword = blankToNull(jdbcPassword);
        dataSourceJndiName = blankToNull(dataSourceJndiName);
        positive("jdbcPoolSize", jdbcPoolSize);
        positive("databaseTimeoutSeconds", databaseTimeoutSeconds);
        if (housekeepingIntervalSeconds < 0) {
            fail("housekeepingIntervalSeconds must be >= 0; 0 disables the sweep (got " + housekeepingIntervalSeconds + ")");
        }
        if (resolveCacheSeconds < 0 || resolveCacheSeconds > 300) {
            fail("resolveCacheSeconds must be between 0 (off) and 300 (got " + resolveCacheSeconds + ")");
        }
        positive("resolveCacheSize", resolveCacheSize);
    }

    /** The values, with {@code jdbcPassword} as {@code ***}. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", jdbcUser=" + jdbcUser + ", jdbcPassword=" + masked(jdbcPassword)
                + ", jdbcPoolSize=" + jdbcPoolSize + ", dataSourceJndiName=" + dataSourceJndiName + ", runMigrations="
                + runMigrations + ", databaseTimeoutSeconds=" + databaseTimeoutSeconds + ", housekeepingIntervalSeconds="
                + housekeepingIntervalSeconds + ", resolveCacheSeconds=" + resolveCacheSeconds + ", resolveCacheSize="
                + resolveCacheSize + "]";
    }
}
