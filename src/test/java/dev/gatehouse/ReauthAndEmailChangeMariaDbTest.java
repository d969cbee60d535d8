package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ReauthAndEmailChangeMariaDbTest extends ReauthAndEmailChangeSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
