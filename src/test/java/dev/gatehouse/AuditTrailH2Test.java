package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AuditTrailH2Test extends AuditTrailSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
