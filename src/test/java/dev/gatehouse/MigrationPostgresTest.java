package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class MigrationPostgresTest extends MigrationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
