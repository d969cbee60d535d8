package dev.gatehouse;

/**
 * Rows removed by one housekeeping sweep, per table.
 *
 * @param auditEvents security events older than {@code auditRetentionDays}
 */
public record SweepResult(int sessions, int singleUseTokens, int apiTokens, int rateLimitBuckets, int auditEvents) {
    /** Every row removed. */
    public int total() {
        return sessions + singleUseTokens + apiTokens + rateLimitBuckets + auditEvents;
    }
}
