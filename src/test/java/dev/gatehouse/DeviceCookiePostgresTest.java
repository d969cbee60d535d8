package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class DeviceCookiePostgresTest extends DeviceCookieSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
