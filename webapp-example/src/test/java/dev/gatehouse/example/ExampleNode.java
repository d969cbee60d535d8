package dev.gatehouse.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the example: {@link Main} on embedded Jetty in its own JVM, on a free loopback port,
 * with the test class path and the GATEHOUSE_* environment given. Light Argon2 parameters (8 MiB,
 * t=1, 8 at once) keep the many sign-ins of these tests cheap on a 2-core machine; everything else
 * is the example's default.
 */
final class ExampleNode implements AutoCloseable {

    final String name;
    final String base;
    private final ServerProcess process;

    private ExampleNode(String name, String base, ServerProcess process) {
        this.name = name;
        this.base = base;
        this.process = process;
    }

    static ExampleNode start(String name, Map<String, String> gatehouseEnv) throws Exception {
        int port = ServerProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("GATEHOUSE_ARGON_MEMORY_KIB", "8192");
        env.put("GATEHOUSE_ARGON_TIME_COST", "1");
        env.put("GATEHOUSE_HASHING_CONCURRENCY", "8"); // light hashes: the races below sign in 15 at once per node
        env.put("GATEHOUSE_HOUSEKEEPING_INTERVAL_SECONDS", "0");
        env.put("GATEHOUSE_PUBLIC_BASE_URL", "http://127.0.0.1:" + port);
        env.putAll(gatehouseEnv);
        Path logs = Path.of("target", "nodes");
        Files.createDirectories(logs);
        String base = "http://127.0.0.1:" + port;
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-Dorg.jboss.logging.provider=slf4j", "-cp", System.getProperty("java.class.path"),
                Main.class.getName());
        return new ExampleNode(name, base, ServerProcess.start(command, env, logs.resolve(name + ".log"), base + "/auth/me"));
    }

    /** Starts several nodes with one environment at the same moment (their migrations race); all or none. */
    static List<ExampleNode> startTogether(Map<String, String> gatehouseEnv, String... names) throws Exception {
        java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors.newFixedThreadPool(names.length);
        List<java.util.concurrent.Future<ExampleNode>> futures = new java.util.ArrayList<>();
        List<ExampleNode> started = new java.util.ArrayList<>();
        try {
            for (String name : names) {
                futures.add(starter.submit(() -> start(name, gatehouseEnv)));
            }
            Exception failure = null;
            for (java.util.concurrent.Future<ExampleNode> f : futures) {
                try {
                    started.add(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                for (ExampleNode n : started) {
                    n.close();
                }
                throw failure;
            }
            return started;
        } finally {
            starter.shutdownNow();
        }
    }

    /** The last lines of this node's output, for failure messages. */
    String tail() throws Exception {
        return process.tail();
    }

    /** Every line this node printed. */
    List<String> log() throws Exception {
        return process.lines();
    }

    @Override
    public void close() throws Exception {
        process.close();
    }
}
