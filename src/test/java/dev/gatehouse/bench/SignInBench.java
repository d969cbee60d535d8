package dev.gatehouse.bench;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.AuthSettings;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A full sign-in (rate-limit buckets, failure counter, lookup, Argon2id verify, counter reset, new
 * session row) on H2, beside one bare verify at the same parameters: the difference is what
 * Gatehouse adds to the hash. "light" (t=1, m=8 KiB) makes that difference measurable to a fraction
 * of a millisecond; "default" (t=3, m=64 MiB, p=2) shows it against real hashing noise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SignInBench {

    @org.openjdk.jmh.annotations.Param({"light", "default"})
    public String argon;

    Gatehouse gh;
    String stored;

    @Setup
    public void setUp() {
        AuthSettings base = argon.equals("light") ? AuthSettings.defaults().forTests() : AuthSettings.defaults();
        AuthSettings s = base.toBuilder()
                .jdbcUrl("jdbc:h2:mem:signin" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .rateLimitSignInPerHour(1_000_000).housekeepingIntervalSeconds(0).build();
        gh = Gatehouse.start(s, Clock.systemUTC());
        gh.auth().signUp("bench@example.test", null, "tangerine-otter-42", null, null);
        stored = gh.passwordHasher().hash("tangerine-otter-42");
    }

    @TearDown
    public void tearDown() {
        gh.close();
    }

    @Benchmark
    public SignInResult signIn() {
        return gh.auth().signIn("bench@example.test", "tangerine-otter-42", "10.0.0.1", "bench");
    }

    @Benchmark
    public boolean verifyOnly() {
        return gh.passwordHasher().verify(stored, "tangerine-otter-42");
    }
}
