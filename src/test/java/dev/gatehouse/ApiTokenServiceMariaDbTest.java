package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ApiTokenServiceMariaDbTest extends ApiTokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
