package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class AddressLimitsH2Test extends AddressLimitsSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
