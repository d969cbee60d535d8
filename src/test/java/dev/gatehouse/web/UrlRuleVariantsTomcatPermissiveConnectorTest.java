package dev.gatehouse.web;

import dev.gatehouse.config.AuthSettings;
import java.util.List;
import java.util.Map;

/**
 * The URL-rule spelling matrix on Tomcat 10.1 with the connector loosened the ways operators loosen it
 * ({@code encodedSolidusHandling="decode"}, {@code allowBackslash="true"}): Tomcat then serves
 * {@code %2f} and {@code %5c} spellings from the admin servlet too, and Gatehouse must still refuse each one.
 */
class UrlRuleVariantsTomcatPermissiveConnectorTest extends UrlRuleVariantsFilterModeTest {
    @Override
    protected TestServer start(AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        return TomcatTestServer.start(settings, "", contextParameters, false, connector -> {
            connector.setEncodedSolidusHandling("decode");
            connector.setAllowBackslash(true);
        });
    }

    @Override
    protected List<String> servedByTheContainer() {
        return List.of("/admin", "/admin;x", "/admin;jsessionid=1", "/%61dmin", "/%61%64%6d%69%6e", "//admin", "/./admin",
                "/whoami/../admin", "/admin/.", "/x/..;/admin", "/%2e/admin", "/admin/x/..", "/;/admin", "/.;/admin",
                "/%2fadmin", "/%5cadmin", "/admin/%2e", "/x/%2e%2e/admin", "/x%2f..%2fadmin");
    }
}
