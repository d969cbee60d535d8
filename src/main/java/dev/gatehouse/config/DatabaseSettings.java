package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.masked;
import static dev.gatehouse.config.Checks.positive;
import static dev.gatehouse.internal.persistence.Pools.redact;

/**
 * The database: where it is, how Gatehouse talks to it, and the work it does there in the
 * background. {@link #toString()} hides {@code jdbcPassword} and a {@code password=} parameter of a JDBC URL.
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
 * @param cacheInvalidation           how a change reaches the other nodes' caches before {@code resolveCacheSeconds}
 *                                    runs out ({@link CacheInvalidation}); null means {@link CacheInvalidation#AUTO}
 * @param cacheInvalidationPollMillis how often a node reads the change table in {@link CacheInvalidation#POLL}
 *                                    mode (50 to 60000)
 * @param cacheInvalidationListenerUrl a JDBC URL for the PostgreSQL listening connection when the pool's URL
 *                                    cannot carry {@code LISTEN} (a transaction-mode PgBouncer): a direct
 *                                    {@code jdbc:postgresql:} URL to the same database, with the same user and
 *                                    password; null uses {@code jdbcUrl}, or one connection of the supplied
 *                                    DataSource
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
        int resolveCacheSize,
        CacheInvalidation cacheInvalidation,
        int cacheInvalidationPollMillis,
        String cacheInvalidationListenerUrl) {

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
        cacheInvalidation = cacheInvalidation == null ? CacheInvalidation.AUTO : cacheInvalidation;
        if (cacheInvalidationPollMillis < 50 || cacheInvalidationPollMillis > 60_000) {
            fail("cacheInvalidationPollMillis must be between 50 and 60000 (got " + cacheInvalidationPollMillis + ")");
        }
        cacheInvalidationListenerUrl = blankToNull(cacheInvalidationListenerUrl);
        if (cacheInvalidationListenerUrl != null && !cacheInvalidationListenerUrl.startsWith("jdbc:postgresql:")) {
            fail("cacheInvalidationListenerUrl must be a jdbc:postgresql: URL (LISTEN is PostgreSQL's)");
        }
        if (cacheInvalidationListenerUrl != null && cacheInvalidation != CacheInvalidation.AUTO
                && cacheInvalidation != CacheInvalidation.NOTIFY) {
            fail("cacheInvalidationListenerUrl is only used with cacheInvalidation=notify or auto (got "
                    + cacheInvalidation.wireName() + ")");
        }
    }

    /** The values, with {@code jdbcPassword} and a URL's {@code password=} parameter as {@code ***}. */
    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + redact(jdbcUrl) + ", jdbcUser=" + jdbcUser + ", jdbcPassword=" + masked(jdbcPassword)
                + ", jdbcPoolSize=" + jdbcPoolSize + ", dataSourceJndiName=" + dataSourceJndiName + ", runMigrations="
                + runMigrations + ", databaseTimeoutSeconds=" + databaseTimeoutSeconds + ", housekeepingIntervalSeconds="
                + housekeepingIntervalSeconds + ", resolveCacheSeconds=" + resolveCacheSeconds + ", resolveCacheSize="
                + resolveCacheSize + ", cacheInvalidation=" + cacheInvalidation.wireName() + ", cacheInvalidationPollMillis="
                + cacheInvalidationPollMillis + ", cacheInvalidationListenerUrl=" + redact(cacheInvalidationListenerUrl) + "]";
    }
}
