package dev.gatehouse.web;

class AuditHttpFilterModeTest extends AuditHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
