package dev.gatehouse.internal.cdi;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.DefaultAuditLog;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.metrics.MetricsSelector;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.Mailer;
import dev.gatehouse.mail.SecurityNotices;
import dev.gatehouse.mail.SmtpMailer;
import dev.gatehouse.ratelimit.RateLimiter;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.token.TokenService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * Starts one {@link Gatehouse} per CDI container, eagerly at application start (so migrations and
 * schema validation fail the deployment, not the first request), and produces it and its services.
 * Its meters go to the application's {@code @ForGatehouse MeterRegistry}, else its one
 * {@code MeterRegistry} bean, else Micrometer's global registry; Micrometer types are looked up by
 * name, so this class loads without Micrometer. Every security event is also fired as a CDI event of
 * type {@link SecurityEvent}, synchronously after the action committed and the event was stored; an
 * observer's exception is logged and never reaches the flow (it does stop the remaining observers
 * of that event, as CDI specifies).
 */
@ApplicationScoped
public class GatehouseProducer {

    private static final System.Logger LOG = System.getLogger(GatehouseProducer.class.getName());
    /** Strict mode's stand-in when nothing can send email. */
    private static final Mailer NO_MAILER = message -> {
        throw GatehouseUnavailableException.unavailable("Email delivery is not configured.", 60, null);
    };

    private Instance<DataSource> dataSource;
    private Instance<AuthSettings> settings;
    private Instance<Clock> clock;
    private Instance<Mailer> mailer;
    private Instance<Object> beans;
    private Event<SecurityEvent> securityEvents;
    private volatile Gatehouse gatehouse;
    private volatile Object meterRegistry;
    private volatile Mailer builtInMailer;

    /** For the container's client proxy only. */
    protected GatehouseProducer() {
    }

    @Inject
    public GatehouseProducer(@ForGatehouse Instance<DataSource> dataSource, @ForGatehouse Instance<AuthSettings> settings,
                             @ForGatehouse Instance<Clock> clock, @ForGatehouse Instance<Mailer> mailer,
                             @Any Instance<Object> beans, Event<SecurityEvent> securityEvents) {
        this.beans = beans;
        this.securityEvents = securityEvents;
        this.dataSource = dataSource;
        this.settings = settings;
        this.clock = clock;
        this.mailer = mailer;
    }

    /**
     * Starts Gatehouse and its mailer now: a mail misconfiguration fails the deployment, never a request.
     * Subscribes the security notices.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        AuthSettings s = gatehouse().settings();
        subscribeNotices(s, mailer());
        if (s.links().publicBaseUrl() == null && s.http().enableCredentialsApi()) {
            LOG.log(Level.WARNING, "Gatehouse email links are off (password reset and email verification answer 404): "
                    + "set gatehouse.publicBaseUrl to turn them on");
        }
    }

    /** The running instance, started on first use; applications inject it for {@link Gatehouse#health()}. */
    @Produces
    public Gatehouse gatehouse() {
        Gatehouse g = gatehouse;
        if (g == null) {
            synchronized (this) {
                if (gatehouse == null) {
                    gatehouse = start();
                }
                g = gatehouse;
            }
        }
        return g;
    }

    private Gatehouse start() {
        AuthSettings s = settings.isResolvable() ? settings.get() : AuthSettings.fromEnvironment();
        Clock c = clock.isResolvable() ? clock.get() : Clock.systemUTC();
        meterRegistry = meterRegistry();
        Gatehouse g = dataSource.isResolvable() ? Gatehouse.start(s, dataSource.get(), c, meterRegistry)
                : Gatehouse.start(s, c, meterRegistry);
        g.onEvent(securityEvents::fire); // the trail calls it after the commit and catches what an observer throws
        return g;
    }

    /** With {@code securityNotices} on, notices go through Gatehouse's mailer; strict mode without one sends none. */
    private void subscribeNotices(AuthSettings s, Mailer m) {
        if (!s.security().securityNotices()) {
            return;
        }
        if (m == NO_MAILER) {
            LOG.log(Level.WARNING, "Gatehouse security notices are not sent: no mailer. Set gatehouse.smtpHost, produce "
                    + "a @ForGatehouse Mailer, or set gatehouse.securityNotices=false");
            return;
        }
        Gatehouse g = gatehouse();
        g.onEvent(new SecurityNotices(s, m, g.auth(), g.apiTokens()));
    }

    /** The application's {@code @ForGatehouse}, else default, else only {@code MeterRegistry}; null: the global one. */
    private Object meterRegistry() {
        Class<?> type = MetricsSelector.registryType(GatehouseProducer.class.getClassLoader());
        if (type == null) {
            return null;
        }
        for (Instance<?> candidate : List.of(beans.select(type, ForGatehouse.Literal.INSTANCE),
                beans.select(type, Default.Literal.INSTANCE), beans.select(type))) {
            if (candidate.isResolvable()) {
                return candidate.get();
            }
        }
        return null;
    }

    /** The web layer's meters (CSRF refusals), on the registry Gatehouse uses. */
    @Produces
    @ApplicationScoped
    Metrics metrics() {
        gatehouse();
        return MetricsSelector.select(meterRegistry);
    }

    @PreDestroy
    void stop() {
        if (builtInMailer instanceof SmtpMailer smtp) {
            smtp.close();
        }
        if (gatehouse != null) {
            gatehouse.close();
        }
    }

    /**
     * The application's {@code @ForGatehouse Mailer}; else SMTP when {@code smtpHost} is set; else
     * the dev outbox when not strict; else, in strict mode (which never pretends to send), a start-up
     * failure when {@code publicBaseUrl} asks for email links, or a mailer that answers "unavailable"
     * to the application (Gatehouse itself then sends nothing: its email rows are off). Dependent scope on purpose: callers get the instance itself, so an
     * application can recognise the {@code DevOutboxMailer} and list its messages.
     */
    @Produces
    Mailer mailer() {
        if (mailer.isResolvable()) {
            return mailer.get();
        }
        synchronized (this) {
            if (builtInMailer == null) {
                AuthSettings s = gatehouse().settings();
                if (s.mail().smtpHost() != null) {
                    builtInMailer = new SmtpMailer(s);
                } else if (!s.strict()) {
                    builtInMailer = new DevOutboxMailer();
                } else if (s.links().publicBaseUrl() != null) {
                    throw new IllegalStateException("Gatehouse cannot send the email links publicBaseUrl asks for: "
                            + "strict mode has no dev outbox. Set gatehouse.smtpHost, produce a @ForGatehouse Mailer, "
                            + "or unset gatehouse.publicBaseUrl to turn email links off.");
                } else {
                    builtInMailer = NO_MAILER;
                }
            }
            return builtInMailer;
        }
    }

    @Produces
    AuthSettings settings() {
        return gatehouse().settings();
    }

    @Produces
    @ApplicationScoped
    AuthService auth() {
        return gatehouse().auth();
    }

    @Produces
    @ApplicationScoped
    PasskeyService passkeys() {
        return gatehouse().passkeys();
    }

    @Produces
    @ApplicationScoped
    dev.gatehouse.oidc.OidcService oidc() {
        return gatehouse().oidc();
    }

    @Produces
    @ApplicationScoped
    MfaService mfa() {
        return gatehouse().mfa();
    }

    @Produces
    @ApplicationScoped
    UserAdminService admin() {
        return gatehouse().admin();
    }

    @Produces
    @ApplicationScoped
    SessionService sessions() {
        return gatehouse().sessions();
    }

    @Produces
    @ApplicationScoped
    TokenService tokens() {
        return gatehouse().tokens();
    }

    @Produces
    @ApplicationScoped
    ApiTokenService apiTokens() {
        return gatehouse().apiTokens();
    }

    @Produces
    @ApplicationScoped
    RoleService roles() {
        return gatehouse().roles();
    }

    @Produces
    @ApplicationScoped
    RateLimiter rateLimiter() {
        return gatehouse().rateLimiter();
    }

    @Produces
    @ApplicationScoped
    PasswordHasher passwordHasher() {
        return gatehouse().passwordHasher();
    }

    @Produces
    @ApplicationScoped
    AuditLog audit() {
        return gatehouse().audit();
    }

    /** Where the web layer records refusals: the running instance's own trail (dependent: the class is final). */
    @Produces
    AuditTrail trail() {
        return DefaultAuditLog.trailOf(gatehouse().audit());
    }
}
