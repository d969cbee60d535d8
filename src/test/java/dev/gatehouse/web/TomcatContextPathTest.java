package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An application under a context path on Tomcat, whose {@code getContextPath()} is the path as the
 * client spelled it (not decoded, path parameters kept), while the filter reads the rest of the raw
 * path after it: no spelling of the context path gets a request past the rule, and the JSON API
 * answers under the context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatContextPathTest {

    static final List<String> CONTEXTS = List.of("/app", "/%61pp", "/app;x", "//app", "/./app", "/x/../app", "/x/..;/app",
            "/app/.", "/;/app", "/%2e/app", "/ap%70", "/app/;x");

    TestServer server;

    @BeforeAll
    void boot() throws Exception {
        server = TomcatTestServer.start(TestServer.settings().build(), "/app", TestServer.Mode.TOMCAT_FILTER.contextParameters(),
                false, c -> { });
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void noSpellingOfTheContextGetsPastTheRule() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (String context : CONTEXTS) {
            for (String admin : UrlRuleVariantsFilterModeTest.VARIANTS) {
                String[] answer = get(context + admin);
                if (answer[0].equals("200") || answer[1].contains("admin:")) {
                    leaks.add(context + admin + " -> " + answer[0]);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void theRuleAndTheApiWorkUnderTheContext() throws Exception {
        assertEquals("401", get("/app/admin")[0]);
        assertEquals("401", get("/%61pp/admin")[0]);
        assertEquals("400", get("/app/x/..;/admin")[0]);
        String[] me = get("/app/auth/me");
        assertEquals("200", me[0]);
        assertTrue(me[1].endsWith("\r\n\r\n{\"user\":null}"), me[1]);
        assertEquals("404", get("/auth/me")[0], "the API lives under the context only");
    }

    /** Status code and response of a GET sent byte for byte as given. */
    private String[] get(String path) throws Exception {
        try (Socket s = new Socket(server.base().getHost(), server.base().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + server.base().getAuthority()
                    + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            String response = all.toString(StandardCharsets.UTF_8);
            return new String[] {response.length() >= 12 ? response.substring(9, 12) : "???", response};
        }
    }
}
