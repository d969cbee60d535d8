package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TokenServiceH2Test extends TokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
