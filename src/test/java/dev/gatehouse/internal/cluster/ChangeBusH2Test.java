package dev.gatehouse.internal.cluster;

import dev.gatehouse.testing.TestDatabase;

class ChangeBusH2Test extends ChangeBusSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
