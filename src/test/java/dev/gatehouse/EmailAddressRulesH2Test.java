package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class EmailAddressRulesH2Test extends EmailAddressRulesSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
