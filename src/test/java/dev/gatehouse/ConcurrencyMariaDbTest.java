package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ConcurrencyMariaDbTest extends ConcurrencySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
