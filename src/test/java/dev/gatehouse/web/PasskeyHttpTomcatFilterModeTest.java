package dev.gatehouse.web;

class PasskeyHttpTomcatFilterModeTest extends PasskeyHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
