package dev.gatehouse.internal.cluster;

import dev.gatehouse.testing.TestDatabase;

class ChangeBusMariaDbTest extends ChangeBusSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
