package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuditTrailPostgresTest extends AuditTrailSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
