package dev.gatehouse.bench;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.ratelimit.RateLimitedException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One-off timing of a wrong-password sign-in: an unknown account, an account on the current
 * Argon2id parameters, and one on an imported PBKDF2-SHA256 hash (600,000 iterations, OWASP's
 * figure for PBKDF2, or as given); then the cost of the start-up shape scan on a large users table.
 *   java -cp target/test-classes:target/classes:$(cat cp.txt) dev.gatehouse.bench.DecoyTimingBench [rounds] [users] [iterations]
 */
public final class DecoyTimingBench {

    private DecoyTimingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 600_000;
        AuthSettings settings = AuthSettings.defaults().toBuilder().strict(false).cookieSecure(false)
                .housekeepingIntervalSeconds(0).rateLimitSignInPerHour(1_000_000).maxConsecutiveFailures(100)
                .jdbcUrl("jdbc:h2:mem:decoy" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1").build();
        String pw = "tangerine-otter-42";
        try (Gatehouse setup = Gatehouse.start(settings, Clock.systemUTC())) {
            setup.auth().signUp("argon@example.test", null, pw, null, null);
            String id = setup.auth().signUp("pbkdf2@example.test", null, pw, null, null).user().id();
            exec(settings, "UPDATE users SET password_hash = '" + pbkdf2(pw, iterations) + "' WHERE id = '" + id + "'");
        }
        try (Gatehouse gh = Gatehouse.start(settings.toBuilder().runMigrations(false).build(), Clock.systemUTC())) {
            System.out.printf("PBKDF2-SHA256 at %,d iterations; Argon2id m=%d t=%d p=%d%n", iterations,
                    settings.hashing().argonMemoryKib(), settings.hashing().argonTimeCost(), settings.hashing().argonParallelism());
            String[] who = {"nobody@example.test", "argon@example.test", "pbkdf2@example.test"};
            long[][] ms = new long[who.length][rounds];
            for (int r = -3; r < rounds; r++) { // interleaved, so load on the machine hits all three alike; 3 warm-ups
                for (int w = 0; w < who.length; w++) {
                    long t = once(gh, who[w], r);
                    if (r >= 0) {
                        ms[w][r] = t;
                    }
                }
            }
            for (int w = 0; w < who.length; w++) {
                Arrays.sort(ms[w]);
                System.out.printf("%-22s median %4d ms  p10 %4d  p90 %4d  (%d wrong-password sign-ins)%n", who[w],
                        ms[w][rounds / 2], ms[w][rounds / 10], ms[w][rounds * 9 / 10], rounds);
            }
        }
        if (users == 0) {
            return;
        }
        exec(settings, "INSERT INTO users (id, email, password_hash, created_at, plan) SELECT 'bulk' || X, 'bulk' || X "
                + "|| '@example.test', '$argon2id$v=19$m=65536,t=3,p=2$' || RANDOM_UUID() || '$' || RANDOM_UUID(), "
                + "CURRENT_TIMESTAMP, 'free' FROM SYSTEM_RANGE(1, " + users + ")");
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (Gatehouse gh = Gatehouse.start(settings.toBuilder().runMigrations(false).build(), Clock.systemUTC())) {
                long t1 = System.nanoTime();
                ((dev.gatehouse.internal.account.DefaultAuthService) gh.auth()).refreshTimingDecoy();
                long t2 = System.nanoTime();
                System.out.printf("start-up with %,d users: %d ms; one shape scan: %d ms%n", users + 2,
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            }
        }
    }

    private static long once(Gatehouse gh, String who, int i) {
        long t0 = System.nanoTime();
        try {
            gh.auth().signIn(who, "wrong-password-" + i, null, null);
        } catch (InvalidCredentialsException | RateLimitedException expected) {
            // the answer is the same; only the time matters here
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        return "PBKDF2WithHmacSHA256:" + iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(hash);
    }

    private static void exec(AuthSettings s, String sql) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(s.database().jdbcUrl()); Statement st = c.createStatement()) {
            st.executeUpdate(sql);
        }
    }
}
