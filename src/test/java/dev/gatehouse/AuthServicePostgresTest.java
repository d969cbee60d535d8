package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuthServicePostgresTest extends AuthServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
