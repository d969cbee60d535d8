package dev.gatehouse.web;

class AuditHttpAuthenticatorModeTest extends AuditHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
