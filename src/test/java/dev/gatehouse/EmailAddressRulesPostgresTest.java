package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class EmailAddressRulesPostgresTest extends EmailAddressRulesSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
