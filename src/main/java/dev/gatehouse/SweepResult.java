package dev.gatehouse;

/** Rows removed by one housekeeping sweep, per table. */
public record SweepResult(int sessions, int singleUseTokens, int apiTokens, int rateLimitBuckets) {
    public int total() {
        return sessions + singleUseTokens + apiTokens + rateLimitBuckets;
    }
}
