package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuthServiceMariaDbTest extends AuthServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
