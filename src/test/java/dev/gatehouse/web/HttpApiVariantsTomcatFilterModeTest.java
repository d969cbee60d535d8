package dev.gatehouse.web;

/** HttpApiVariantsSuite on embedded Tomcat 10.1 in filter mode. */
class HttpApiVariantsTomcatFilterModeTest extends HttpApiVariantsSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.TOMCAT_FILTER;
    }
}
