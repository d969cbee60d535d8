package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasswordTextNormalisationPostgresTest extends PasswordTextNormalisationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
