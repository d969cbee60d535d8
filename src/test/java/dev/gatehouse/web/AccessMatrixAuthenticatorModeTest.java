package dev.gatehouse.web;

class AccessMatrixAuthenticatorModeTest extends AccessMatrixSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
