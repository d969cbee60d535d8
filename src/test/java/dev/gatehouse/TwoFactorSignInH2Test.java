package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class TwoFactorSignInH2Test extends TwoFactorSignInSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
