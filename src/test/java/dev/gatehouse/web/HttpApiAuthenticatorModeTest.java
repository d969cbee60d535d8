package dev.gatehouse.web;

class HttpApiAuthenticatorModeTest extends HttpApiSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
