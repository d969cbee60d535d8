package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class RoleServiceH2Test extends RoleServiceSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
