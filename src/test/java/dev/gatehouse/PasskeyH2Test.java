package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasskeyH2Test extends PasskeySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
