package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * The black-box suite against the unchanged WAR on WildFly 39 (standalone, from Maven Central).
 * One-time setup, as docs/INSTALL.md ("WildFly 39") says: integrated-jaspi=false on the
 * "other" application security domain, so WildFly runs Gatehouse's own mechanism.
 */
class WildFlyServerIT extends ProcessServerSuite {

    @BeforeAll
    void start() throws Exception {
        Path home = ServerProcess.servers().resolve("wildfly-" + System.getProperty("wildfly.version", "39.0.1.Final"));
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--commands=embed-server,"
                + "/subsystem=undertow/application-security-domain=other:write-attribute(name=integrated-jaspi,value=false),"
                + "stop-embedded-server").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "wildfly-cli.log").toFile()).start();
        assertEquals(0, cli.waitFor(), "jboss-cli failed, see target/wildfly-cli.log");
        Path deployments = home.resolve("standalone/deployments");
        try (var old = Files.list(deployments)) {
            old.filter(p -> p.getFileName().toString().startsWith("ROOT.war")).forEach(p -> p.toFile().delete());
        }
        Files.copy(ServerProcess.war(), deployments.resolve("ROOT.war"), StandardCopyOption.REPLACE_EXISTING);
        int port = ServerProcess.freePort();
        int offset = port > 8080 && port - 8080 + 9993 < 65535 ? port - 8080 : 0;
        base = "http://127.0.0.1:" + (8080 + offset);
        server = ServerProcess.start(List.of(home.resolve("bin/standalone.sh").toString(),
                        "-Djboss.socket.binding.port-offset=" + offset, "-Djboss.bind.address=127.0.0.1"),
                ServerProcess.exampleEnvironment("wildfly", provider().environment()), Path.of("target", "wildfly.log"), base + "/auth/me");
    }
}
