package dev.gatehouse.web;

class AccountSecurityHttpTomcatFilterModeTest extends AccountSecurityHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
