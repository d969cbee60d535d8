package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class CacheInvalidationMariaDbTest extends CacheInvalidationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
