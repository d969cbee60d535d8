package dev.gatehouse.web;

/** AccessMatrixSuite on embedded Tomcat 10.1 in filter mode. */
class AccessMatrixTomcatFilterModeTest extends AccessMatrixSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
