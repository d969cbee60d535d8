package dev.gatehouse.web.jaxrs;

class JaxRsAccessFilterModeTest extends JaxRsAccessSuite {
    @Override
    protected JaxRsTestServer.Mode mode() {
        return JaxRsTestServer.Mode.FILTER;
    }
}
