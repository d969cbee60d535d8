package dev.gatehouse.web;

class PasskeyHttpFilterModeTest extends PasskeyHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
