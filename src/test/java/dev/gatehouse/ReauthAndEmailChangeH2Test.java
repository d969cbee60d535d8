package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ReauthAndEmailChangeH2Test extends ReauthAndEmailChangeSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
