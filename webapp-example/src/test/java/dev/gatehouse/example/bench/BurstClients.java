package dev.gatehouse.example.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The legitimate users of {@code bench/burst}. {@code setup} signs up the accounts (returning
 * users keep the device cookie the sign-up gave them, new users keep nothing); {@code run} signs
 * them in, each attempt from its own client address, for a number of seconds while the attack
 * runs, and prints how many succeeded and how long they took. Not part of the application.
 * <pre>
 *   BurstClients setup BASE USERS DIR
 *   BurstClients run BASE SECONDS DIR CLIENTS [DELAY_SECONDS]
 * </pre>
 */
public final class BurstClients {

    static final String PASSWORD = "tangerine-otter-42";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicInteger address = new AtomicInteger();

    private BurstClients() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[1];
        BurstClients clients = new BurstClients();
        if (args[0].equals("setup")) {
            clients.setup(base, Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            if (args.length > 5) {
                Thread.sleep(Integer.parseInt(args[5]) * 1000L); // start-up done, wait for the attack to begin
            }
            clients.run(base, Integer.parseInt(args[2]), Path.of(args[3]), Integer.parseInt(args[4]));
        }
    }

    private void setup(String base, int users, Path dir) throws Exception {
        List<String> returning = new ArrayList<>();
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            Attempt r = post(base, "/auth/signup", "returning" + i + "@example.test", null);
            Attempt n = post(base, "/auth/signup", "new" + i + "@example.test", null);
            if (r.status != 201 || n.status != 201) {
                throw new IllegalStateException("sign-up failed: " + r.status + " / " + n.status);
            }
            returning.add("returning" + i + "@example.test\t" + r.deviceCookie.orElse(""));
            fresh.add("new" + i + "@example.test");
        }
        Files.write(dir.resolve("returning.txt"), returning);
        Files.write(dir.resolve("new.txt"), fresh);
        long withCookie = returning.stream().filter(l -> !l.endsWith("\t")).count();
        System.out.println("signed up " + users + " returning users (" + withCookie + " with a device cookie) and "
                + users + " new users");
    }

    private void run(String base, int seconds, Path dir, int clients) throws Exception {
        List<String[]> returning = Files.readAllLines(dir.resolve("returning.txt")).stream()
                .map(l -> l.split("\t", -1)).toList();
        List<String> fresh = Files.readAllLines(dir.resolve("new.txt"));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Attempt> trusted = Collections.synchronizedList(new ArrayList<>());
        List<Attempt> untrusted = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(started(() -> loop(end, () -> {
                int i = Math.floorMod(next.getAndIncrement(), returning.size());
                String[] user = returning.get(i);
                Attempt a = post(base, "/auth/login", user[0], user[1].isEmpty() ? null : user[1]);
                a.deviceCookie.ifPresent(cookie -> user[1] = cookie); // keep the newest, as a browser does
                trusted.add(a);
            })));
            threads.add(started(() -> loop(end, () -> {
                int i = Math.floorMod(next.getAndIncrement(), fresh.size());
                untrusted.add(post(base, "/auth/login", fresh.get(i), null));
            })));
        }
        for (Thread t : threads) {
            t.join();
        }
        report("returning users (device cookie)", trusted);
        report("new users (no device cookie)", untrusted);
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void loop(long end, Step step) {
        while (System.nanoTime() < end) {
            try {
                step.run();
                Thread.sleep(250);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void report(String who, List<Attempt> attempts) {
        List<Long> ms = attempts.stream().map(a -> a.millis).sorted().toList();
        long ok = attempts.stream().filter(a -> a.status == 200).count();
        Map<Integer, Integer> statuses = new TreeMap<>();
        attempts.forEach(a -> statuses.merge(a.status, 1, Integer::sum));
        System.out.printf("%s: %d of %d signed in (%.1f %%), p50 %d ms, p95 %d ms, max %d ms, statuses %s%n",
                who, ok, attempts.size(), attempts.isEmpty() ? 0.0 : 100.0 * ok / attempts.size(),
                percentile(ms, 50), percentile(ms, 95), ms.isEmpty() ? 0 : ms.get(ms.size() - 1), statuses);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private record Attempt(int status, long millis, Optional<String> deviceCookie) {
    }

    /** One sign-in or sign-up from an address of its own (the benchmark range 198.18.0.0/15). */
    private Attempt post(String base, String path, String email, String deviceCookie)
            throws IOException, InterruptedException {
        int n = address.incrementAndGet();
        String address = "198.18." + (n / 250 % 250) + "." + (n % 250 + 1);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"));
        if (deviceCookie != null) {
            b.header("Cookie", deviceCookie);
        }
        long start = System.nanoTime();
        HttpResponse<String> res;
        try {
            res = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Attempt(0, (System.nanoTime() - start) / 1_000_000, Optional.empty());
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Optional<String> device = res.headers().allValues("Set-Cookie").stream()
                .map(h -> h.substring(0, h.indexOf(';') < 0 ? h.length() : h.indexOf(';')))
                .filter(c -> c.substring(0, c.indexOf('=')).endsWith("gatehouse_device")).findFirst();
        return new Attempt(res.statusCode(), millis, device);
    }
}
