package dev.gatehouse.bench;

import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.crypto.Argon2PasswordHasher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One Argon2id hash at the default parameters (m=64 MiB, t=3, p=2), to set beside the reference C tool. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HashBench {

    PasswordHasher hasher;
    String stored;

    @Setup
    public void setUp() {
        hasher = new Argon2PasswordHasher(AuthSettings.defaults());
        stored = hasher.hash("correct horse battery staple");
    }

    @Benchmark
    public boolean verifyAtDefaults() {
        return hasher.verify(stored, "correct horse battery staple");
    }
}
