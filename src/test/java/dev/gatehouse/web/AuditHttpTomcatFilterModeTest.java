package dev.gatehouse.web;

class AuditHttpTomcatFilterModeTest extends AuditHttpSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
