package dev.gatehouse.web;

/** HttpApiSuite on embedded Tomcat 10.1 in filter mode. */
class HttpApiTomcatFilterModeTest extends HttpApiSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
