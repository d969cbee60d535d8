package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.role.RoleService;
import jakarta.enterprise.inject.spi.CDI;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Filter-mode URL rules ({@code /admin=admin}) against every spelling of the protected path a
 * client can send. Requests go over a raw socket so no client library normalises them first.
 * Whatever the container makes of a spelling, it never reaches the admin servlet unauthorised.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UrlRuleVariantsFilterModeTest {

    static final List<String> VARIANTS = List.of("/admin", "/admin;x", "/admin;jsessionid=1", "/%61dmin", "/%61%64%6d%69%6e",
            "//admin", "/admin/", "/ADMIN", "/Admin", "/./admin", "/whoami/../admin", "/admin/.", "/admin%2f",
            "/x/..;/admin", "/%2e/admin", "/admin%3bx", "/admin/x/..",
            // also the spellings Tomcat reads its own way (path parameters before normalising, %2f and \\ settings)
            "/;/admin", "/.;/admin", "/ADMIN;x", "/admin;/", "/admin/;x", "/%2fadmin", "/admin%2F", "/admin%5c", "/%5cadmin",
            "/admin/%2e", "/x/%2e%2e/admin", "/x%2f..%2fadmin", "/admin%00", "/admin%20", "/admin.",
            "/x/%c0%ae%c0%ae/admin", "/%c0%afadmin", "/admin%ef%bc%8f", "/admin%09", "/ADMIN/.;x");

    TestServer server;
    String memberCookie;
    String adminCookie;

    @BeforeAll
    void boot() throws Exception {
        server = start(TestServer.settings().rateLimitSignUpPerHour(1000).build(), TestServer.Mode.FILTER.contextParameters());
        Http http = new Http(server.base());
        memberCookie = http.post("/auth/signup", "{\"email\":\"m@example.com\",\"password\":\"tangerine-otter-42\"}")
                .cookie("gatehouse_session").orElseThrow();
        adminCookie = http.post("/auth/signup", "{\"email\":\"a@example.com\",\"password\":\"tangerine-otter-42\"}")
                .cookie("gatehouse_session").orElseThrow();
        RoleService roles = CDI.current().select(RoleService.class).get();
        roles.defineRole("admin", List.of("*"));
        roles.grantRole(CDI.current().select(UserAdminService.class).get().findUserByEmail("a@example.com").orElseThrow().id(),
                "admin");
    }

    /** The server under test, with these context parameters; the Tomcat subclasses boot theirs. */
    protected TestServer start(AuthSettings settings, Map<String, String> contextParameters) throws Exception {
        return TestServer.start(TestServer.Mode.FILTER, settings, contextParameters);
    }

    /** The spellings this container serves from the admin servlet when no rule stands in the way. */
    protected List<String> servedByTheContainer() {
        return List.of("/admin", "/admin;x", "/admin;jsessionid=1", "/%61dmin", "/%61%64%6d%69%6e", "/./admin", "/whoami/../admin");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void noSpellingOfAProtectedPathReachesItsServletWithoutTheRole() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String path : VARIANTS) {
            for (String cookie : new String[] {null, memberCookie}) {
                String[] answer = get(path, cookie);
                if (answer[0].equals("200") || answer[1].contains("admin:")) {
                    leaks.add(path + (cookie == null ? " anonymous" : " member") + " -> " + answer[0]);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void ambiguousSpellingsUnderARuleAre400AndPlainOnes401() throws Exception {
        assertEquals("401", get("/admin", null)[0]);
        assertEquals("401", get("/%61dmin", null)[0]);
        assertEquals("401", get("/ADMIN", null)[0]);
        assertEquals("401", get("/admin/", null)[0]);
        assertEquals("400", get("/admin;x", null)[0]);
        assertEquals("400", get("/admin;x", adminCookie)[0], "even for an admin: the path is refused, not guessed");
        assertEquals("403", get("/admin", memberCookie)[0]);
        assertEquals("200", get("/admin", adminCookie)[0]);
        String[] admin = get("/%61dmin", adminCookie);
        assertEquals("200", admin[0]);
        assertTrue(admin[1].contains("admin:"), admin[1]);
    }

    /**
     * Without the rule, these spellings do reach the servlet: the matrix above is about real paths into it.
     * Last, since it replaces the server (Weld runs one container per JVM at a time).
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void withoutARuleTheContainerServesTheseSpellingsFromTheAdminServlet() throws Exception {
        server.close();
        server = null;
        server = start(TestServer.settings().build(), Map.of(GatehouseFilter.MODE, "filter"));
        List<String> served = new ArrayList<>();
        for (String path : VARIANTS) {
            if (get(path, null)[1].contains("admin:")) {
                served.add(path);
            }
        }
        assertEquals(servedByTheContainer(), served);
    }

    /** Status code and body of a GET sent byte for byte as given. */
    private String[] get(String path, String cookie) throws Exception {
        try (Socket s = new Socket(server.base().getHost(), server.base().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            String req = "GET " + path + " HTTP/1.1\r\nHost: " + server.base().getAuthority() + "\r\nAccept: application/json\r\n"
                    + (cookie == null ? "" : "Cookie: gatehouse_session=" + cookie + "\r\n") + "Connection: close\r\n\r\n";
            out.write(req.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            String status = response.length() >= 12 ? response.substring(9, 12) : "???";
            return new String[] {status, response};
        }
    }
}
