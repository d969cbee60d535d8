package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class MigrationH2Test extends MigrationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
