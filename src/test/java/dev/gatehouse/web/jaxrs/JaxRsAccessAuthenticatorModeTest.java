package dev.gatehouse.web.jaxrs;

class JaxRsAccessAuthenticatorModeTest extends JaxRsAccessSuite {
    @Override
    protected JaxRsTestServer.Mode mode() {
        return JaxRsTestServer.Mode.AUTHENTICATOR;
    }
}
