package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TwoFactorSignInPostgresTest extends TwoFactorSignInSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
