package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ConcurrencyH2Test extends ConcurrencySuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
