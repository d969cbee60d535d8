package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasswordTextNormalisationMariaDbTest extends PasswordTextNormalisationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
