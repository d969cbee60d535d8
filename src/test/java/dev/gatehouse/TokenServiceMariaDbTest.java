package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TokenServiceMariaDbTest extends TokenServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
