package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuthServiceH2Test extends AuthServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
