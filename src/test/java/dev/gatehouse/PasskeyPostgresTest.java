package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasskeyPostgresTest extends PasskeySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
