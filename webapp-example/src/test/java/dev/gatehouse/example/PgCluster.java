package dev.gatehouse.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL primary and a synchronous streaming standby of its own, made from the machine's
 * PostgreSQL binaries for one test class: data directories, sockets and logs in a temporary folder,
 * on free loopback ports, run as the {@code postgres} user when the test runs as root. The shared
 * server on 5432 is never touched. {@link #close()} stops both servers ({@code -m immediate}) and
 * removes the folder, also after a failure; a shutdown hook does the same if the JVM ends first.
 *
 * <p>Binaries: {@code GATEHOUSE_TEST_PG_BIN}, else the newest {@code /usr/lib/postgresql/N/bin}.
 * Missing: a failure when CI is set, a loud skip otherwise (as {@link ExternalDatabase}).
 *
 * <p>The primary runs with {@code synchronous_standby_names='*'} and {@code synchronous_commit=on}:
 * a commit is acknowledged only once the standby has flushed it, so an acknowledged write survives
 * the primary's loss. {@code fsync=off} on both keeps start-up and commits fast: the test kills
 * server processes, not the machine, and the operating system keeps what a killed process wrote.
 */
final class PgCluster implements AutoCloseable {

    static final String DATABASE = "gatehouse";

    final Path dir;
    final int primaryPort;
    final int standbyPort;
    private final Path bin;
    private final Thread cleanupHook;

    private PgCluster(Path bin, Path dir, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.dir = dir;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
        this.cleanupHook = new Thread(this::stopAndRemove, "pg-cluster-cleanup");
    }

    /** Starts a primary with one database, {@value #DATABASE}, and a synchronous standby streaming from it. */
    static PgCluster start() throws Exception {
        Path bin = binaries();
        Path dir = Files.createTempDirectory("gh-pg-");
        PgCluster c = new PgCluster(bin, dir, ServerProcess.freePort(), ServerProcess.freePort());
        Runtime.getRuntime().addShutdownHook(c.cleanupHook);
        try {
            c.build();
            return c;
        } catch (Exception | AssertionError e) {
            c.close();
            throw e;
        }
    }

    private void build() throws Exception {
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        Path primary = dir.resolve("primary");
        Path standby = dir.resolve("standby");
        postgres("initdb", "-D", primary.toString(), "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8",
                "--locale=C");
        Files.writeString(dir.resolve("primary.conf"), settings(primaryPort)
                + "synchronous_standby_names = '*'\nsynchronous_commit = on\n");
        include(primary, "primary.conf");
        pgCtl("start", "-D", primary.toString(), "-w", "-t", "60", "-l", dir.resolve("primary.log").toString());
        postgres("pg_basebackup", "-D", standby.toString(), "-h", "127.0.0.1", "-p", Integer.toString(primaryPort),
                "-U", "postgres", "-R", "-X", "stream", "--no-sync");
        // The copy includes the primary's include line; the standby's own file comes after it and wins.
        // Once promoted it has no standby of its own, so it must not wait for one.
        Files.writeString(dir.resolve("standby.conf"), settings(standbyPort) + "synchronous_standby_names = ''\n");
        include(standby, "standby.conf");
        pgCtl("start", "-D", standby.toString(), "-w", "-t", "60", "-l", dir.resolve("standby.log").toString());
        awaitSynchronousStandby();
        exec(primaryPort, "postgres", "CREATE DATABASE " + DATABASE);
    }

    private String settings(int port) {
        return "port = " + port + "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '" + dir + "'\n"
                + "fsync = off\nmax_connections = 60\nshared_buffers = 32MB\n";
    }

    private void include(Path dataDir, String file) throws Exception {
        Path conf = dataDir.resolve("postgresql.conf");
        Files.writeString(conf, Files.readString(conf) + "\ninclude '" + dir.resolve(file) + "'\n");
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.resolve(file).toString()));
        }
    }

    /** JDBC URL naming both servers; the driver connects to whichever is the primary. */
    String failoverUrl(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + ",127.0.0.1:" + standbyPort + "/" + DATABASE
                + "?user=postgres&targetServerType=primary" + (parameters.isEmpty() ? "" : "&" + parameters);
    }

    /** JDBC URL of one server. */
    static String url(int port, String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres&connectTimeout=5";
    }

    /** Stops the primary the hard way: every server process ends at once, nothing is checkpointed. */
    void killPrimary() throws Exception {
        pgCtl("stop", "-D", dir.resolve("primary").toString(), "-m", "immediate", "-w", "-t", "30");
    }

    /** Promotes the standby and waits until it accepts writes. */
    void promoteStandby() throws Exception {
        pgCtl("promote", "-D", dir.resolve("standby").toString(), "-w", "-t", "60");
    }

    boolean inRecovery(int port) throws SQLException {
        return queryLong(port, "SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END") == 1;
    }

    long queryLong(int port, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(port, DATABASE)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The first column of every row, as text. */
    List<String> column(int port, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(port, DATABASE)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void awaitSynchronousStandby() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(url(primaryPort, "postgres")); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_replication WHERE sync_state = 'sync'")) {
                rs.next();
                if (rs.getLong(1) == 1) {
                    return;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100); // polling the standby's start, another process
        }
        throw new AssertionError("the standby did not become a synchronous standby within 60 s\n" + logs());
    }

    private static void exec(int port, String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(port, database)); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The last lines of both servers' logs, for failure messages. */
    String logs() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("primary.log", "standby.log")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(name));
                b.append("--- ").append(name).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
            } catch (IOException e) {
                b.append("--- ").append(name).append(": ").append(e.getMessage()).append('\n');
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        stopAndRemove();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopAndRemove() {
        if (!Files.exists(dir)) {
            return;
        }
        for (String server : List.of("primary", "standby")) {
            Path data = dir.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    pgCtl("stop", "-D", data.toString(), "-m", "immediate", "-w", "-t", "30");
                } catch (Exception e) {
                    System.err.println("could not stop the test's PostgreSQL " + server + ": " + e.getMessage());
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e);
        }
    }

    private void pgCtl(String... args) throws Exception {
        postgres("pg_ctl", args);
    }

    /** Runs one of the PostgreSQL binaries, as the postgres user when the test runs as root. */
    private void postgres(String program, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private void run(List<String> command) throws Exception {
        Path out = Files.createTempFile("gh-pg-cmd-", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                    .directory(dir.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                        + Files.readString(out));
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("GATEHOUSE_TEST_PG_BIN");
        Path found = configured != null && !configured.isBlank() ? Path.of(configured) : newestInstalled();
        List<String> needed = List.of("initdb", "pg_ctl", "pg_basebackup", "postgres");
        if (found == null || !needed.stream().allMatch(n -> Files.isExecutable(found.resolve(n)))) {
            String msg = "PostgreSQL server binaries (" + String.join(", ", needed) + ") not found in "
                    + (found == null ? "/usr/lib/postgresql/*/bin" : found) + "; set GATEHOUSE_TEST_PG_BIN";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new AssertionError(msg + ": CI is set, so the failover test is required");
            }
            System.err.println("!!! SKIPPING THE POSTGRESQL FAILOVER TEST: " + msg + " (set CI=true to make this a failure)");
            Assumptions.abort(msg);
        }
        return found;
    }

    private static Path newestInstalled() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
                    .orElse(null);
        }
    }

    private static int version(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
