package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class OidcMariaDbTest extends OidcSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
