package dev.gatehouse.web;

class AccountSecurityHttpFilterModeTest extends AccountSecurityHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
