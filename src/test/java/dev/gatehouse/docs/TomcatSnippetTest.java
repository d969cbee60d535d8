package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.testing.TestBeans;
import dev.gatehouse.web.TestApp;
import dev.gatehouse.web.TestServer;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.Test;

/**
 * The Tomcat 10.1 section of docs/INSTALL.md, run: a web application deployed the way Tomcat deploys
 * a WAR (its {@code WEB-INF/web.xml} parsed, ServletContainerInitializers found through
 * {@code META-INF/services}: Weld's and Gatehouse's, no wiring in code) with the documented
 * {@code web.xml} lines, then the rule they set is enforced and the servlet sees the caller.
 */
class TomcatSnippetTest {

    /** The web.xml lines INSTALL.md shows (filter mode, URL rules); nothing else is configured. */
    static final String WEB_XML_LINES = """
              <context-param>
                <param-name>dev.gatehouse.mode</param-name>
                <param-value>filter</param-value>
              </context-param>
              <context-param>
                <param-name>dev.gatehouse.rules</param-name>
                <param-value>/admin/*=admin; /account/*=*</param-value>
              </context-param>
            """;

    @Test
    void aWarWithTheDocumentedWebXmlLinesIsProtectedByTheRules() throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-tomcat-war");
        Path webInf = Files.createDirectories(dir.resolve("webapp/WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0" metadata-complete="true">
                """ + WEB_XML_LINES + "</web-app>\n");
        TestBeans.settings = TestServer.settings().rateLimitSignUpPerHour(1000).build();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(dir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        tomcat.setAddDefaultWebXmlToWebapp(false); // conf/web.xml's JSP servlet needs Jasper, not on this class path
        Context ctx = tomcat.addWebapp("", webInf.getParent().toString());
        ((StandardJarScanner) ctx.getJarScanner()).setScanClassPath(false); // the test class path is no WEB-INF/lib
        Tomcat.addServlet(ctx, "default", "org.apache.catalina.servlets.DefaultServlet"); // conf/web.xml's, kept
        ctx.addServletMappingDecoded("/", "default");
        Tomcat.addServlet(ctx, "whoami", TestApp.WhoAmIServlet.class.getName());
        ctx.addServletMappingDecoded("/admin/whoami", "whoami");
        tomcat.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
            String member = signUp(base, "member@example.com");
            String admin = signUp(base, "admin@example.com");
            RoleService roles = CDI.current().select(RoleService.class).get();
            roles.defineRole("admin", List.of("*"));
            String adminId = CDI.current().select(UserAdminService.class).get().findUserByEmail("admin@example.com")
                    .orElseThrow().id();
            roles.grantRole(adminId, "admin");

            assertEquals(401, get(base, null).statusCode());
            assertEquals(403, get(base, member).statusCode());
            HttpResponse<String> seen = get(base, admin);
            assertEquals(200, seen.statusCode());
            assertEquals("principal=" + adminId + " remote=" + adminId + " admin=true type=GATEHOUSE sc=" + adminId
                    + " scAdmin=true", seen.body());
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static String signUp(URI base, String email) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/auth/signup"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"tangerine-otter-42\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        Optional<String> set = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("gatehouse_session="))
                .findFirst();
        return set.orElseThrow().substring("gatehouse_session=".length()).split(";", 2)[0];
    }

    private static HttpResponse<String> get(URI base, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/admin/whoami")).header("Accept", "application/json");
        if (cookie != null) {
            b.header("Cookie", "gatehouse_session=" + cookie);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
