package dev.gatehouse.web;

class OidcHttpTomcatFilterModeTest extends OidcHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
