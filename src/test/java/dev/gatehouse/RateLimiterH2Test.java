package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RateLimiterH2Test extends RateLimiterSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
