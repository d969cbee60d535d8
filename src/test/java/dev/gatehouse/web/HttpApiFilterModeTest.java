package dev.gatehouse.web;

class HttpApiFilterModeTest extends HttpApiSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
