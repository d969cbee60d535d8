package dev.gatehouse.web;

class HttpApiVariantsAuthenticatorModeTest extends HttpApiVariantsSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.AUTHENTICATOR;
    }
}
