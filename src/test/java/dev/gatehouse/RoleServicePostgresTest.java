package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RoleServicePostgresTest extends RoleServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
