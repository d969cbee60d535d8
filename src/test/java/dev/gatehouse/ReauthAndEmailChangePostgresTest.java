package dev.gatehouse;

import dev.gatehouse.testing.TestDatabase;

class ReauthAndEmailChangePostgresTest extends ReauthAndEmailChangeSuite {
    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}
