package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class DeviceCookieH2Test extends DeviceCookieSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
