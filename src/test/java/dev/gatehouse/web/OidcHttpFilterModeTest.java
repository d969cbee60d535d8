package dev.gatehouse.web;

class OidcHttpFilterModeTest extends OidcHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
