package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SessionServiceMariaDbTest extends SessionServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
