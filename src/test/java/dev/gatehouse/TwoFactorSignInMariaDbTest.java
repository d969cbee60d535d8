package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TwoFactorSignInMariaDbTest extends TwoFactorSignInSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
