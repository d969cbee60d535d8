package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AddressLimitsMariaDbTest extends AddressLimitsSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
