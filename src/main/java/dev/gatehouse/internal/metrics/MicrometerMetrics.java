package dev.gatehouse.internal.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Gatehouse's meters on a Micrometer registry (the names are listed in docs/METRICS.md). */
final class MicrometerMetrics implements Metrics {

    /** The rate-limit scopes Gatehouse itself uses; any other scope is an application's and is tagged {@code application}. */
    static final Set<String> BUCKETS = Set.of("auth:sign-in:ip", "auth:sign-in:email", "auth:sign-in:username",
            "auth:sign-up", "auth:password-change", "pwreset", "pwreset:ip", "auth:token-redeem", "auth:verify-email",
            "auth:verify-email:address", "auth:verify-email:ip", "auth:username-check");
    static final String OTHER_BUCKET = "application";

    private final MeterRegistry registry;
    private final Counter shed;
    private final Counter sessionsCreated;
    private final Counter tokensCreated;
    private final Counter tokensRevoked;
    private final Counter csrf;
    private final Timer hashing;
    private final Map<String, Counter> tagged = new ConcurrentHashMap<>();
    private final Map<String, Timer> resolution = new ConcurrentHashMap<>();
    private final List<Meter> gauges = new CopyOnWriteArrayList<>();

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.shed = counter("gatehouse.shed", "Sign-in attempts refused before any work: too many in progress");
        this.sessionsCreated = counter("gatehouse.sessions.started", "Sessions started");
        this.tokensCreated = counter("gatehouse.tokens.issued", "API tokens created");
        this.tokensRevoked = counter("gatehouse.tokens.revoked", "API tokens revoked");
        this.csrf = counter("gatehouse.csrf.refusals", "State-changing requests from another origin's page refused");
        this.hashing = Timer.builder("gatehouse.hashing").description("One password hash or verification, "
                + "after its wait for a hashing slot").register(registry);
    }

    /** @param registry a {@code MeterRegistry}, or null for the global registry */
    static Metrics of(Object registry) {
        return new MicrometerMetrics(registry == null ? io.micrometer.core.instrument.Metrics.globalRegistry
                : (MeterRegistry) registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).register(registry);
    }

    private Counter tagged(String name, String description, String tag, String value) {
        return tagged.computeIfAbsent(name + '\u0000' + value,
                k -> Counter.builder(name).description(description).tag(tag, value).register(registry));
    }

    @Override
    public void signIn(String result) {
        tagged("gatehouse.signin", "Sign-in attempts by result (success or the error code)", "result", result).increment();
    }

    @Override
    public void lockout(String lock) {
        tagged("gatehouse.lockouts", "Attempts refused by a consecutive-failure lock", "lock", lock).increment();
    }

    @Override
    public void rateLimited(String scope) {
        String bucket = BUCKETS.contains(scope) ? scope : OTHER_BUCKET;
        tagged("gatehouse.ratelimit.refusals", "Rate-limit refusals by bucket", "bucket", bucket).increment();
    }

    @Override
    public void shed() {
        shed.increment();
    }

    @Override
    public void sessionCreated() {
        sessionsCreated.increment();
    }

    @Override
    public void sessionsRevoked(String reason, int count) {
        if (count > 0) {
            tagged("gatehouse.sessions.revoked", "Sessions ended before expiry", "reason", reason).increment(count);
        }
    }

    @Override
    public void apiTokenCreated() {
        tokensCreated.increment();
    }

    @Override
    public void apiTokensRevoked(int count) {
        if (count > 0) {
            tokensRevoked.increment(count);
        }
    }

    @Override
    public void csrfRefused() {
        csrf.increment();
    }

    @Override
    public <T> T timeHashing(Supplier<T> work) {
        return hashing.record(work);
    }

    @Override
    public <T> T timeCallerResolution(String credential, Supplier<T> work) {
        return resolution.computeIfAbsent(credential, c -> Timer.builder("gatehouse.caller.resolution")
                .description("Resolving a credential to its caller (cache or database)").tag("credential", c)
                .register(registry)).record(work);
    }

    @Override
    public void watchHashing(HashingLoad load) {
        gauges.add(Gauge.builder("gatehouse.hashing.slots.active", load, HashingLoad::slotsInUse)
                .description("Password-hashing slots in use").strongReference(true).register(registry));
        gauges.add(Gauge.builder("gatehouse.hashing.slots.waiting", load, HashingLoad::waiting)
                .description("Callers waiting for a password-hashing slot").strongReference(true).register(registry));
    }

    @Override
    public void close() {
        gauges.forEach(registry::remove);
        gauges.clear();
    }
}
