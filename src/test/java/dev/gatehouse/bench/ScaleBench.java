package dev.gatehouse.bench;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.session.ResolvedSession;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Session resolve, API-token resolve and a rate-limit increment on PostgreSQL with 10 thousand and
 * 1 million rows in their tables (resolve cache off, so every call goes to the database).
 * Needs PostgreSQL on 127.0.0.1:5432 (user postgres); creates and drops database gh_scale.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScaleBench {

    static final String ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    @Param({"10000", "1000000"})
    public int rows;

    Gatehouse gh;
    String cookie;
    String token;
    int n;

    @Setup
    public void setUp() throws Exception {
        exec(ADMIN, "DROP DATABASE IF EXISTS gh_scale WITH (FORCE)", "CREATE DATABASE gh_scale");
        String url = "jdbc:postgresql://127.0.0.1:5432/gh_scale?user=postgres";
        AuthSettings s = AuthSettings.defaults().forTests().toBuilder().jdbcUrl(url).resolveCacheSeconds(0)
                .housekeepingIntervalSeconds(0).build();
        gh = Gatehouse.start(s, Clock.systemUTC());
        String user = gh.auth().signUp("bench@example.test", null, "tangerine-otter-42", null, null).user().id();
        exec(url,
                "INSERT INTO sessions (token_sha256, user_id, created_at, expires_at) SELECT md5(g::text) || md5('s' || g::text), '"
                        + user + "', now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC' + interval '1 day' FROM generate_series(1, " + rows + ") g",
                "INSERT INTO api_tokens (id, token_sha256, user_id, name, scopes, created_at, revoked_at) SELECT md5('i' || g::text), "
                        + "md5(g::text) || md5('t' || g::text), '" + user + "', 'n', 'a', now(), now() "
                        + "FROM generate_series(1, " + rows + ") g", // revoked: they fill the table without counting against the cap
                "INSERT INTO ratelimit_buckets (bucket_key, count, expires_at) SELECT 'bench:' || g || ':0', 1, 9999999999 "
                        + "FROM generate_series(1, " + rows + ") g",
                "ANALYZE");
        cookie = gh.auth().signIn("bench@example.test", "tangerine-otter-42", null, null).cookie().value();
        token = gh.apiTokens().create(user, "bench", List.of("*"), 30).raw();
    }

    @TearDown
    public void tearDown() throws Exception {
        gh.close();
        exec(ADMIN, "DROP DATABASE IF EXISTS gh_scale WITH (FORCE)");
    }

    @Benchmark
    public Optional<ResolvedSession> resolveSession() {
        return gh.sessions().resolve(cookie, false);
    }

    @Benchmark
    public Optional<ApiToken> resolveApiToken() {
        return gh.apiTokens().resolve(token, null);
    }

    @Benchmark
    public RateLimitDecision rateLimitIncrement() {
        return gh.rateLimiter().hit("bench", Integer.toString(n++ % 1000), Integer.MAX_VALUE, Duration.ofHours(1));
    }

    private static void exec(String url, String... sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }
}
