package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RateLimiterPostgresTest extends RateLimiterSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
