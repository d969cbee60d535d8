package dev.gatehouse.web;

/** SignedInHostileInputTest on embedded Tomcat 10.1 in filter mode. */
class SignedInHostileInputTomcatFilterModeTest extends SignedInHostileInputTest {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
