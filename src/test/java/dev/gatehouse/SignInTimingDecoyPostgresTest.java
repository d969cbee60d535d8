package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SignInTimingDecoyPostgresTest extends SignInTimingDecoySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
