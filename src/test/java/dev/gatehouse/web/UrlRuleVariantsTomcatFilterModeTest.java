package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import java.util.List;
import java.util.Map;

/**
 * The URL-rule spelling matrix on embedded Tomcat 10.1 with its default connector. Tomcat drops ';'
 * path parameters from every segment before it normalises, and decodes %2e, so it serves more
 * spellings from a servlet than Jetty does; Gatehouse refuses each one under a rule.
 */
class UrlRuleVariantsTomcatFilterModeTest extends UrlRuleVariantsFilterModeTest {
    @Override
    protected TestServer start(AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        return TestServer.start(TestServer.Mode.TOMCAT_FILTER, settings, contextParameters);
    }

    @Override
    protected List<String> servedByTheContainer() {
        return List.of("/admin", "/admin;x", "/admin;jsessionid=1", "/%61dmin", "/%61%64%6d%69%6e", "//admin", "/./admin",
                "/whoami/../admin", "/admin/.", "/x/..;/admin", "/%2e/admin", "/admin/x/..", "/;/admin", "/.;/admin",
                "/admin/%2e", "/x/%2e%2e/admin");
    }
}
