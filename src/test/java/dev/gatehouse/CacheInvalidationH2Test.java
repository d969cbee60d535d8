package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class CacheInvalidationH2Test extends CacheInvalidationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
