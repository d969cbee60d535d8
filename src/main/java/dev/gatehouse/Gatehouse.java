package dev.gatehouse;

import com.zaxxer.hikari.HikariDataSource;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.DatabaseSettings;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.account.DefaultUserAdminService;
import dev.gatehouse.internal.apitoken.DefaultApiTokenService;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.DefaultAuditLog;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.Argon2PasswordHasher;
import dev.gatehouse.internal.crypto.Keyring;
import dev.gatehouse.internal.crypto.SecretBox;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.mfa.DefaultMfaService;
import dev.gatehouse.internal.mfa.SecondFactors;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.internal.passkey.DefaultPasskeyService;
import dev.gatehouse.internal.passkey.PasskeyCeremonies;
import dev.gatehouse.internal.metrics.HealthChecks;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.metrics.MetricsSelector;
import dev.gatehouse.internal.persistence.GatehousePersistenceUnit;
import dev.gatehouse.internal.persistence.Migrations;
import dev.gatehouse.internal.persistence.Pools;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.role.DefaultRoleService;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.internal.cluster.ChangeBus;
import dev.gatehouse.internal.cluster.ChangeBuses;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import dev.gatehouse.ratelimit.RateLimiter;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.token.TokenService;
import jakarta.persistence.EntityManagerFactory;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * One running Gatehouse: its settings, database, services and housekeeping. Start it once per
 * application (the CDI integration does this for you) and close it at shutdown.
 *
 * <pre>{@code
 * Gatehouse gh = Gatehouse.start(AuthSettings.fromEnvironment(), dataSource, Clock.systemUTC());
 * SignInResult r = gh.auth().signIn("ada@example.com", password, ip, userAgent);
 * }</pre>
 *
 * <p>Start-up applies the Liquibase changelog (unless {@link DatabaseSettings#runMigrations()} is
 * false), validates the schema with Hibernate, and schedules {@link #sweepExpired()} every
 * {@link DatabaseSettings#housekeepingIntervalSeconds()} on one daemon thread.
 *
 * <p>With Micrometer on the class path Gatehouse publishes its meters (docs/METRICS.md) to the
 * registry given to {@link #start(AuthSettings, DataSource, Clock, Object)}, else to Micrometer's
 * global registry; without Micrometer it publishes nothing. {@link #health()} checks the database,
 * the schema and password hashing.
 */
public final class Gatehouse implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Gatehouse.class.getName());
    /** How long rows of the cross-node change table are kept: far longer than any node's poll window. */
    private static final java.time.Duration CHANGES_KEPT = java.time.Duration.ofHours(1);

    private final AuthSettings settings;
    private final HikariDataSource ownedPool;
    private final EntityManagerFactory emf;
    private final DefaultAuthService auth;
    private final DefaultUserAdminService admin;
    private final DefaultSessionService sessions;
    private final DefaultTokenService tokens;
    private final DefaultApiTokenService apiTokens;
    private final DefaultRoleService roles;
    private final DbRateLimiter rateLimiter;
    private final PasswordHasher hasher;
    private final ScheduledExecutorService housekeeping;
    private final Metrics metrics;
    private final HealthChecks health;
    private final AuditTrail trail;
    private final DefaultMfaService mfa;
    private final DefaultPasskeyService passkeys;
    private final dev.gatehouse.internal.oidc.DefaultOidcService oidc;
    private final DefaultAuditLog audit;
    private final ChangeBus bus;
    private final Transactions tx;
    private final Clock clock;

    private Gatehouse(AuthSettings settings, DataSource dataSource, HikariDataSource ownedPool, Clock clock,
                      Object meterRegistry) {
        this.settings = settings;
        this.metrics = MetricsSelector.select(meterRegistry);
        this.ownedPool = ownedPool;
        if (settings.database().runMigrations()) {
            Migrations.apply(dataSource);
        }
        this.bus = ChangeBuses.open(settings.database(), dataSource, ownedPool != null, clock); // before anything to close
        this.emf = GatehousePersistenceUnit.create(dataSource, settings.database().databaseTimeoutSeconds());
        Transactions tx = new Transactions(emf);
        this.tx = tx;
        this.clock = clock;
        this.trail = new AuditTrail(tx, clock);
        Argon2PasswordHasher argon2 = new Argon2PasswordHasher(settings, metrics);
        this.hasher = argon2;
        metrics.watchHashing(argon2.load());
        this.health = new HealthChecks(tx, argon2.load());
        ResolveCache cache = new ResolveCache(clock, settings.database().resolveCacheSeconds(),
                settings.database().resolveCacheSize(), bus);
        this.rateLimiter = new DbRateLimiter(tx, clock, metrics);
        this.sessions = new DefaultSessionService(tx, settings, clock, cache, metrics, trail);
        this.tokens = new DefaultTokenService(tx, clock);
        this.roles = new DefaultRoleService(tx, clock, cache, trail);
        this.apiTokens = new DefaultApiTokenService(tx, settings, clock, cache, roles, metrics, trail);
        Keyring keyring = keyring(settings);
        SecondFactors secondFactors = new SecondFactors(tx, clock, secretBox(settings));
        this.mfa = new DefaultMfaService(tx, settings, clock, secondFactors, rateLimiter, cache, roles, trail);
        this.auth = new DefaultAuthService(tx, settings, clock, hasher, rateLimiter, sessions, tokens, cache, keyring,
                new Fingerprints(keyring != null ? keyring : Keyring.ephemeral()), metrics, secondFactors, mfa, trail,
                new PasskeyCeremonies(tx, settings, clock));
        this.passkeys = auth.passkeys();
        this.oidc = auth.oidc();
        this.admin = new DefaultUserAdminService(tx, clock, cache, trail);
        this.audit = new DefaultAuditLog(tx, clock, settings.security().auditRetentionDays(), trail);
        this.housekeeping = settings.database().housekeepingIntervalSeconds() > 0 ? scheduleSweep(settings) : null;
        if (cache.enabled()) {
            bus.start(cache::forget);
        }
        LOG.log(Level.INFO, "Gatehouse: resolve cache {0} s, cross-node invalidation: {1}",
                settings.database().resolveCacheSeconds(), bus.mode());
    }

    /**
     * Starts on the application's data source. It must be a non-JTA (resource-local) source:
     * Gatehouse commits its own writes.
     *
     * @throws IllegalStateException the database cannot be reached or migrated, or the schema does not validate
     */
    public static Gatehouse start(AuthSettings settings, DataSource dataSource, Clock clock) {
        return start(settings, dataSource, clock, null);
    }

    /**
     * Starts on the application's data source, publishing meters to the given registry.
     *
     * @param meterRegistry a Micrometer {@code io.micrometer.core.instrument.MeterRegistry} (typed
     *                      {@code Object} so Gatehouse runs without Micrometer), or null for
     *                      Micrometer's global registry (nothing when Micrometer is absent)
     * @throws IllegalStateException    the database cannot be reached or migrated, or the schema does not validate
     * @throws IllegalArgumentException {@code meterRegistry} is not a Micrometer {@code MeterRegistry}
     */
    public static Gatehouse start(AuthSettings settings, DataSource dataSource, Clock clock, Object meterRegistry) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(clock, "clock");
        return new Gatehouse(settings, dataSource, null, clock, meterRegistry);
    }

    /**
     * Starts on the data source the settings name: {@link DatabaseSettings#dataSourceJndiName()} if
     * set, else a HikariCP pool on {@link DatabaseSettings#jdbcUrl()}.
     *
     * @throws IllegalStateException neither is set, or the database cannot be reached
     */
    public static Gatehouse start(AuthSettings settings, Clock clock) {
        return start(settings, clock, null);
    }

    /**
     * Starts on the data source the settings name, publishing meters to the given registry.
     *
     * @param meterRegistry as for {@link #start(AuthSettings, DataSource, Clock, Object)}
     * @throws IllegalStateException neither is set, or the database cannot be reached
     */
    public static Gatehouse start(AuthSettings settings, Clock clock, Object meterRegistry) {
        if (settings.database().dataSourceJndiName() != null) {
            return start(settings, lookup(settings.database().dataSourceJndiName()), clock, meterRegistry);
        }
        if (settings.database().jdbcUrl() == null) {
            throw new IllegalStateException("Gatehouse has no database: set gatehouse.jdbcUrl / GATEHOUSE_JDBC_URL, "
                    + "gatehouse.dataSourceJndiName / GATEHOUSE_DATA_SOURCE_JNDI_NAME, or produce a "
                    + "@ForGatehouse DataSource bean");
        }
        HikariDataSource pool = Pools.open(settings, "gatehouse", settings.database().jdbcPoolSize());
        try {
            return new Gatehouse(settings, pool, pool, clock, meterRegistry);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public AuthSettings settings() {
        return settings;
    }

    public AuthService auth() {
        return auth;
    }

    /** Account administration (list, disable, enable, delete): for operators' tools, not for end users. */
    public UserAdminService admin() {
        return admin;
    }

    /** Passkeys: register, list, rename, delete, and the options browsers need. */
    public PasskeyService passkeys() {
        return passkeys;
    }

    /** Sign-in with OpenID Connect providers, and the identities linked to accounts. */
    public dev.gatehouse.oidc.OidcService oidc() {
        return oidc;
    }

    /** Second factors: authenticator apps and recovery codes. */
    public MfaService mfa() {
        return mfa;
    }

    public SessionService sessions() {
        return sessions;
    }

    public TokenService tokens() {
        return tokens;
    }

    public ApiTokenService apiTokens() {
        return apiTokens;
    }

    public RoleService roles() {
        return roles;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public PasswordHasher passwordHasher() {
        return hasher;
    }

    /**
     * Deletes expired sessions, single-use tokens used or expired over a day ago, API tokens
     * revoked or expired over 30 days ago, ended rate-limit windows, audit events older than
     * {@code auditRetentionDays}, and cross-node cache changes older than an hour. Correctness never
     * depends on it; it keeps the tables small. Safe to run on several nodes at once.
     */
    public SweepResult sweepExpired() {
        tx.inTransaction(em -> ChangeBuses.sweep(em, clock.instant().minus(CHANGES_KEPT)));
        return new SweepResult(sessions.sweepExpired(), tokens.sweepExpired(), apiTokens.sweepExpired(),
                rateLimiter.sweepExpired(), audit.sweepExpired());
    }

    /**
     * The security event trail, newest first (docs/AUDIT.md). Reading checks no permission: guard
     * the page that shows it, as the HTTP API does with {@code audit.read}.
     */
    public AuditLog audit() {
        return audit;
    }

    /**
     * Calls {@code listener} with every security event from now on, after the action it records has
     * committed and after it is stored. A listener's exception is logged and never reaches the flow.
     * Under CDI the same events are also fired as CDI events of type {@link SecurityEvent}.
     *
     * @return a handle whose {@code close()} stops the calls
     */
    public AutoCloseable onEvent(Consumer<SecurityEvent> listener) {
        return trail.subscribe(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Checks, now, that the database answers, that every changeset of Gatehouse's schema is applied,
     * and that password hashing is not saturated (fewer callers waiting for a slot than may wait).
     * Never throws for what it finds: a failed check is {@link Health.Status#DOWN} with a short
     * detail. Takes at most about a database round trip per check, bounded by the pool's timeout.
     */
    public Health health() {
        return health.check();
    }

    /** Stops housekeeping, closes the persistence unit, and closes the pool if Gatehouse opened it. */
    @Override
    public void close() {
        bus.close();
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        rateLimiter.close(); // writes counts still waiting in memory
        metrics.close();
        emf.close();
        if (ownedPool != null) {
            ownedPool.close();
        }
    }

    /** The configured keyring; without one a per-process key, or none (device cookies off) in strict mode. */
    private static Keyring keyring(AuthSettings s) {
        if (s.secretKeys() != null) {
            return Keyring.parse(s.secretKeys());
        }
        if (s.strict()) {
            LOG.log(Level.WARNING, "Gatehouse: device cookies are off because no keyring is configured. Set "
                    + "gatehouse.secretKeys / GATEHOUSE_SECRET_KEYS to 'k1:' + `openssl rand -base64 32` (the same on "
                    + "every node) so returning users keep signing in during a password-guessing attack.");
            return null;
        }
        LOG.log(Level.WARNING, "Gatehouse: no keyring configured (gatehouse.secretKeys / GATEHOUSE_SECRET_KEYS); "
                + "using a random key for this process: device cookies end with a restart and work on this node only.");
        return Keyring.ephemeral();
    }

    /**
     * What seals second-factor secrets: the configured keyring; outside strict mode without one, a
     * fixed development key (secrets then survive restarts but are not protected); in strict mode
     * without one, nothing (enrolment answers {@code mfa_unavailable}).
     */
    private static SecretBox secretBox(AuthSettings s) {
        if (s.secretKeys() != null) {
            return new SecretBox(Keyring.parse(s.secretKeys()), SecondFactors.SECRET_PURPOSE);
        }
        if (s.strict()) {
            return null;
        }
        LOG.log(Level.WARNING, "Gatehouse: second-factor secrets are sealed with a built-in development key because no "
                + "keyring is configured (gatehouse.secretKeys / GATEHOUSE_SECRET_KEYS); anyone with the database can read them.");
        return new SecretBox(Keyring.parse("dev:" + java.util.Base64.getEncoder().encodeToString(
                SecureTokens.sha256("gatehouse-development-only-key".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                SecondFactors.SECRET_PURPOSE);
    }

    private ScheduledExecutorService scheduleSweep(AuthSettings s) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-housekeeping");
            t.setDaemon(true);
            return t;
        });
        long every = s.database().housekeepingIntervalSeconds();
        ex.scheduleWithFixedDelay(() -> {
            try {
                SweepResult r = sweepExpired();
                auth.refreshTimingDecoy();
                LOG.log(Level.DEBUG, "housekeeping removed {0} rows", r.total());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "housekeeping sweep failed: " + e.getMessage());
            }
        }, every, every, TimeUnit.SECONDS);
        ex.execute(oidc::discoverAll); // at start-up, off the start thread: a provider that is down delays nothing
        return ex;
    }

    private static DataSource lookup(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException("Gatehouse cannot find DataSource '" + name + "' in JNDI: " + e.getMessage(), e);
        }
    }
}
