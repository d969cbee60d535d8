package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RateLimiterMariaDbTest extends RateLimiterSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
