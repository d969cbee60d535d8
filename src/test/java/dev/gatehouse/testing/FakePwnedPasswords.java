package dev.gatehouse.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A Pwned Passwords range API on 127.0.0.1 for tests (no internet here): answers
 * {@code GET /range/<prefix>} from the passwords given to {@link #add}, with padding lines like the
 * real service, or misbehaves as told. Records every request it receives.
 */
public final class FakePwnedPasswords implements AutoCloseable {

    /** How the server answers. */
    public enum Answer {
        /** The real format: uppercase suffixes, CRLF, padding lines with count 0. */
        RANGE,
        /** Lowercase suffixes and bare LF: still a valid answer. */
        RANGE_LOWERCASE_LF,
        /** An HTML error page with status 200. */
        HTML_200,
        /** Status 500 with a range-shaped body. */
        STATUS_500,
        /** Status 200, empty body. */
        EMPTY_200,
        /** A valid range answer with a garbage line at the end. */
        GARBAGE_TAIL,
        /** A valid answer after 2.5 MB of well-formed lines. */
        HUGE,
        /** A redirect to the same path. */
        REDIRECT_302,
        /** Never sends the status line. */
        NEVER_ANSWERS,
        /** Sends the status and the first line, then stalls. */
        STALLS_IN_BODY
    }

    /** One request as received. */
    public record Received(String method, String uri, Map<String, List<String>> headers, byte[] body) {
        /** Every part of the request as text, for "this never appears" assertions. */
        public String everything() {
            return method + " " + uri + "\n" + headers + "\n" + new String(body, StandardCharsets.ISO_8859_1);
        }
    }

    private static final int PADDING_LINES = 400;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Long> counts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Answer answer = Answer.RANGE;

    private FakePwnedPasswords(HttpServer server) {
        this.server = server;
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakePwnedPasswords start() throws IOException {
        return new FakePwnedPasswords(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
    }

    /** The base URL to configure as {@code breachedPasswordApiUrl}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Puts a password in the corpus with this count (0 makes its suffix look like a padding line). */
    public FakePwnedPasswords add(String password, long count) {
        counts.put(sha1Hex(password), count);
        return this;
    }

    public FakePwnedPasswords answer(Answer a) {
        answer = a;
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The SHA-1 of the UTF-8 bytes, 40 uppercase hex digits, computed with the JDK. */
    public static String sha1Hex(String password) {
        try {
            return HexFormat.of().withUpperCase().formatHex(
                    MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(),
                Map.copyOf(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes()));
        String path = ex.getRequestURI().getPath();
        String prefix = path.startsWith("/range/") ? path.substring("/range/".length()) : "";
        try (ex) {
            switch (answer) {
                case RANGE -> send(ex, 200, range(prefix, "\r\n", false));
                case RANGE_LOWERCASE_LF -> send(ex, 200, range(prefix, "\n", true));
                case HTML_200 -> send(ex, 200, "<!DOCTYPE html><html><body>Sorry, we are down</body></html>");
                case STATUS_500 -> send(ex, 500, range(prefix, "\r\n", false));
                case EMPTY_200 -> send(ex, 200, "");
                case GARBAGE_TAIL -> send(ex, 200, range(prefix, "\r\n", false) + "\r\n<html>");
                case HUGE -> send(ex, 200, filler(2_500_000) + range(prefix, "\r\n", false));
                case REDIRECT_302 -> {
                    ex.getResponseHeaders().add("Location", path);
                    send(ex, 302, range(prefix, "\r\n", false));
                }
                case NEVER_ANSWERS -> awaitClose();
                case STALLS_IN_BODY -> {
                    ex.sendResponseHeaders(200, 0);
                    ex.getResponseBody().write(("0".repeat(35) + ":1\r\n").getBytes(StandardCharsets.US_ASCII));
                    ex.getResponseBody().flush();
                    awaitClose();
                }
            }
        }
    }

    private String range(String prefix, String eol, boolean lowercase) {
        List<String> lines = new ArrayList<>();
        counts.forEach((hash, count) -> {
            if (hash.startsWith(prefix)) {
                lines.add(hash.substring(5) + ":" + count);
            }
        });
        for (int i = 0; i < PADDING_LINES; i++) {
            lines.add(String.format("%035X", i + 1) + ":0"); // padding lines carry count 0
        }
        lines.sort(null);
        String body = String.join(eol, lines);
        return lowercase ? body.toLowerCase(Locale.ROOT) : body;
    }

    private static String filler(int bytes) {
        StringBuilder s = new StringBuilder(bytes + 64);
        for (long i = 1; s.length() < bytes; i++) {
            s.append(String.format("F%034X", i)).append(":7\r\n");
        }
        return s.toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.US_ASCII);
        ex.getResponseHeaders().add("Content-Type", "text/plain");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void awaitClose() {
        try {
            closing.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
