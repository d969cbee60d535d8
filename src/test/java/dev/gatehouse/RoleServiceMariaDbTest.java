package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RoleServiceMariaDbTest extends RoleServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
