package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SessionServicePostgresTest extends SessionServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
