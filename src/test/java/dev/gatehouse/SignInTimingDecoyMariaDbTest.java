package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class SignInTimingDecoyMariaDbTest extends SignInTimingDecoySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
