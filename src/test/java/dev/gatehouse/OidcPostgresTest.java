package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class OidcPostgresTest extends OidcSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
