package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class DeviceCookieMariaDbTest extends DeviceCookieSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}
