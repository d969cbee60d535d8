package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SignInTimingDecoyH2Test extends SignInTimingDecoySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
