package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class CacheInvalidationPostgresTest extends CacheInvalidationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
