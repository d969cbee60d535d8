package dev.gatehouse.web;

class OidcHttpAuthenticatorModeTest extends OidcHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
