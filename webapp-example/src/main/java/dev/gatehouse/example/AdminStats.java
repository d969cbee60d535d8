package dev.gatehouse.example;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.User;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.session.SessionService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * The admin dashboard's numbers, for role admin only (Gatehouse's interceptor): security events per hour over the
 * last day, read from the audit trail; live sessions and API tokens; rate-limit refusals from Gatehouse's meter,
 * because the audit trail does not record them (they are logged, and counted by the meter, since the start).
 */
@ApplicationScoped
@RolesAllowed("admin")
public class AdminStats {

    static final int HOURS = 24;
    /** Events read at most for one dashboard view (200 a query). */
    static final int EVENT_LIMIT = 20_000;
    /** Users whose sessions and tokens are counted at most (the public API counts them user by user). */
    static final int USER_LIMIT = 2_000;

    /** Counts per hour, oldest first; {@code start} is the first hour's beginning. */
    public record Hourly(Instant start, int[] signIns, int[] failures, int[] lockouts, int[] refusals, boolean truncated) {
        public Hourly {
            signIns = signIns.clone();
            failures = failures.clone();
            lockouts = lockouts.clone();
            refusals = refusals.clone();
        }
    }

    /** Live sessions and tokens of the users counted, and whether there were more users than {@link #USER_LIMIT}. */
    public record Live(int sessions, int tokens, int users, boolean truncated) {
    }

    @Inject
    AuditLog audit;
    @Inject
    UserAdminService accounts;
    @Inject
    SessionService sessions;
    @Inject
    ApiTokenService tokens;
    @Inject
    @ForGatehouse
    PrometheusMeterRegistry registry;
    @Inject
    @ForGatehouse
    Clock clock;

    /** Sign-ins, failed sign-ins, lockouts and access refusals in each of the last {@value #HOURS} hours. */
    public Hourly hourly() {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        Instant start = end.minus(Duration.ofHours(HOURS));
        int[] signIns = new int[HOURS];
        int[] failures = new int[HOURS];
        int[] lockouts = new int[HOURS];
        int[] refusals = new int[HOURS];
        AuditQuery q = new AuditQuery(null, Set.of(EventType.SIGN_IN, EventType.SIGN_IN_LOCKED, EventType.ACCESS_DENIED,
                EventType.CSRF_REFUSED), start, end, AuditQuery.MAX_LIMIT, null);
        int read = 0;
        AuditPage page;
        do {
            page = audit.query(q);
            for (SecurityEvent e : page.events()) {
                int h = (int) Duration.between(start, e.occurredAt()).toHours();
                if (h < 0 || h >= HOURS) {
                    continue;
                }
                switch (e.type()) {
                    case SIGN_IN -> (e.outcome() == Outcome.SUCCESS ? signIns : failures)[h]++;
                    case SIGN_IN_LOCKED -> lockouts[h]++;
                    default -> refusals[h]++;
                }
            }
            read += page.events().size();
            q = q.withCursor(page.nextCursor());
        } while (page.nextCursor() != null && read < EVENT_LIMIT);
        return new Hourly(start, signIns, failures, lockouts, refusals, page.nextCursor() != null);
    }

    public Live live() {
        Instant now = clock.instant();
        int sessionCount = 0;
        int tokenCount = 0;
        int users = 0;
        List<User> chunk;
        do {
            chunk = accounts.listUsers(users, 200);
            for (User u : chunk) {
                sessionCount += sessions.list(u.id(), null).size();
                tokenCount += (int) tokens.list(u.id()).stream().filter(t -> t.activeAt(now)).count();
            }
            users += chunk.size();
        } while (chunk.size() == 200 && users < USER_LIMIT);
        return new Live(sessionCount, tokenCount, users, chunk.size() == 200);
    }

    /** Rate-limit refusals since this server started, all buckets (Gatehouse's {@code gatehouse.ratelimit.refusals}). */
    public long rateLimitRefusals() {
        return (long) registry.find("gatehouse.ratelimit.refusals").counters().stream().mapToDouble(Counter::count).sum();
    }
}
