package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuditTrailMariaDbTest extends AuditTrailSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
