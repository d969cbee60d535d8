package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ApiTokenServicePostgresTest extends ApiTokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
