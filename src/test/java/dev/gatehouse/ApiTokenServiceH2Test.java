package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ApiTokenServiceH2Test extends ApiTokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
