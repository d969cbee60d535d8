package dev.gatehouse.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/** The black-box suite against the unchanged WAR on Payara Micro 6 (from Maven Central), no setup needed. */
class PayaraServerIT extends ProcessServerSuite {

    @BeforeAll
    void start() throws Exception {
        Path war = Path.of("target", "payara", "ROOT.war");
        Files.createDirectories(war.getParent());
        Files.copy(ServerProcess.war(), war, StandardCopyOption.REPLACE_EXISTING);
        int port = ServerProcess.freePort();
        base = "http://127.0.0.1:" + port;
        server = ServerProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                        ServerProcess.servers().resolve("payara-micro.jar").toString(), "--deploy", war.toString(),
                        "--contextroot", "/", "--port", Integer.toString(port), "--nocluster", "--rootdir",
                        Path.of("target", "payara", "root").toString()),
                ServerProcess.exampleEnvironment("payara", provider().environment()), Path.of("target", "payara.log"), base + "/auth/me");
    }
}
