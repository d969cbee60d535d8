package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class MigrationMariaDbTest extends MigrationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
