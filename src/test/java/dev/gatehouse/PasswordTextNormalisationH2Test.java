package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class PasswordTextNormalisationH2Test extends PasswordTextNormalisationSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
