package dev.gatehouse.web;

class AccessMatrixFilterModeTest extends AccessMatrixSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
