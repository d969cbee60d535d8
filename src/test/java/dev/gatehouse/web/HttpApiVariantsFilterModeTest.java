package dev.gatehouse.web;

class HttpApiVariantsFilterModeTest extends HttpApiVariantsSuite {
    @Override
    protected TestServer.Mode mode() {
        return TestServer.Mode.FILTER;
    }
}
