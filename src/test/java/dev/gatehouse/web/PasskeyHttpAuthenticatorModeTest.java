package dev.gatehouse.web;

class PasskeyHttpAuthenticatorModeTest extends PasskeyHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
