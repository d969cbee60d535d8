package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SessionServiceH2Test extends SessionServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
