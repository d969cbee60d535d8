package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** An operator bootstraps the first admin with the CLI jar; that admin then signs in to the example over HTTP. */
class CliBootstrapIT {

    static int cli(String url, String stdin, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("test.cliJar")));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(Path.of("target", "cli-bootstrap.log").toFile()));
        pb.environment().put("GATEHOUSE_JDBC_URL", url);
        Process p = pb.start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void adminCreatedWithTheCliSignsInOverHttp() throws Exception {
        Path jar = Path.of(System.getProperty("test.cliJar"));
        if (!Files.exists(jar)) {
            String msg = "CLI jar " + jar + " not built (run the root build: mvn verify)";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new AssertionError(msg);
            }
            System.err.println("!!! SKIPPING CLI BOOTSTRAP TEST: " + msg);
            Assumptions.abort(msg);
        }
        String url = "jdbc:h2:file:" + Files.createTempDirectory("gh-boot").resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE";
        assertEquals(0, cli(url, null, "migrate"));
        assertEquals(0, cli(url, "tangerine-otter-77\n", "user", "create", "--email", "root@example.test", "--password-stdin"));
        assertEquals(0, cli(url, null, "role", "define", "--name", "admin", "--permissions", "*"));
        assertEquals(0, cli(url, null, "role", "grant", "--user", "root@example.test", "--role", "admin"));

        System.setProperty("gatehouse.jdbcUrl", url);
        Server server = Main.start(0);
        try {
            String base = "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"root@example.test\",\"password\":\"tangerine-otter-77\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(h -> h.startsWith("gatehouse_session="))
                    .findFirst().orElseThrow().split(";")[0];
            HttpResponse<String> admin = client.send(HttpRequest.newBuilder(URI.create(base + "/admin")).header("Cookie", cookie)
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, admin.statusCode());
            assertTrue(admin.body().contains("root@example.test"));
        } finally {
            server.stop();
        }
    }
}
