package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ConcurrencyPostgresTest extends ConcurrencySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
