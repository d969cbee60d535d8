package dev.gatehouse.internal.cluster;

import dev.gatehouse.testing.TestDatabase;

class ChangeBusPostgresTest extends ChangeBusSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
