package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AddressLimitsPostgresTest extends AddressLimitsSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
