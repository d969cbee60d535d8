package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasskeyMariaDbTest extends PasskeySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
