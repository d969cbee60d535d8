package dev.gatehouse.web;

class AccountSecurityHttpAuthenticatorModeTest extends AccountSecurityHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
