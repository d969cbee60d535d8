package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TokenServicePostgresTest extends TokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
