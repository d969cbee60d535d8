package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class EmailAddressRulesMariaDbTest extends EmailAddressRulesSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
