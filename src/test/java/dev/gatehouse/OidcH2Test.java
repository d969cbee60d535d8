package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class OidcH2Test extends OidcSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
