package dev.gatehouse.example;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An application server started as a separate process for the black-box suite; stopped with its children. */
final class ServerProcess implements AutoCloseable {

    static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final Process process;
    private final Path log;

    private ServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static Path servers() {
        return Path.of(System.getProperty("example.servers", "target/servers"));
    }

    static Path war() {
        return Path.of(System.getProperty("example.war"));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The environment every server under test gets, and {@code more} (a sign-in provider's settings). */
    static Map<String, String> exampleEnvironment(String dbName, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(exampleEnvironment(dbName));
        env.putAll(more);
        return env;
    }

    /** The environment every server under test gets: a fresh in-memory database and a bootstrap admin. */
    static Map<String, String> exampleEnvironment(String dbName) {
        return Map.of("GATEHOUSE_JDBC_URL", "jdbc:h2:mem:" + dbName + ";DB_CLOSE_DELAY=-1",
                "GATEHOUSE_BOOTSTRAP_ADMIN", ExampleBlackBoxSuite.ADMIN,
                "GATEHOUSE_HOUSEKEEPING_INTERVAL_SECONDS", "0",
                // the suite signs up and in many times from one address
                "GATEHOUSE_RATE_LIMIT_SIGN_UP_PER_HOUR", "100", "GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", "200");
    }

    static ServerProcess start(List<String> command, Map<String, String> env, Path log, String readyUrl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServerProcess p = new ServerProcess(pb.start(), log);
        p.awaitReady(readyUrl);
        return p;
    }

    /** Polls until the URL answers 200, the process dies, or the bounded start time is over. */
    private void awaitReady(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + "\n" + tail());
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.waitFor(500, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException("server not ready within " + START_TIMEOUT + "\n" + tail());
    }

    List<String> lines() throws IOException {
        return Files.readAllLines(log);
    }

    String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Stops the process tree (standalone.sh leaves its JVM behind otherwise). */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
