package dev.gatehouse.web;

/** HostileInputTest on embedded Tomcat 10.1 in filter mode. */
class HostileInputTomcatFilterModeTest extends HostileInputTest {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
