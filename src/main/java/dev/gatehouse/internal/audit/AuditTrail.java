package dev.gatehouse.internal.audit;

import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.AuditEventEntity;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Where every security event goes, in this order: a line on the {@code dev.gatehouse.audit} log (so an
 * event survives a database outage), a row of {@code audit_events} in its own transaction (call it
 * after the action committed), then each listener, whose failure is logged and never reaches the flow.
 */
public final class AuditTrail {

    private static final Logger LOG = System.getLogger("dev.gatehouse.audit");
    private static final Logger SELF = System.getLogger(AuditTrail.class.getName());
    /** The stored details' cap (JSON characters). */
    public static final int MAX_DETAILS = 2048;

    private final Transactions tx;
    private final Clock clock;
    private final List<Consumer<SecurityEvent>> listeners = new CopyOnWriteArrayList<>();

    public AuditTrail(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** A trail that only logs and notifies (no database): for tools and tests. */
    public static AuditTrail logOnly(Clock clock) {
        return new AuditTrail(null, clock);
    }

    /** Starts an event of this type and outcome; {@link Entry#record()} writes it. */
    public Entry event(EventType type, Outcome outcome) {
        return new Entry(type, outcome);
    }

    /** Calls {@code listener} with every event recorded from now on; closing the handle stops it. */
    public AutoCloseable subscribe(Consumer<SecurityEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Logs, stores and announces one event; never throws. */
    public void record(SecurityEvent e) {
        Level level = e.outcome() == Outcome.FAILURE ? Level.WARNING : Level.INFO;
        if (LOG.isLoggable(level)) {
            String who = e.userId() != null ? e.userId() : e.details().getOrDefault("identifier", "anonymous");
            LOG.log(level, "event={0} outcome={1} who={2} ip={3} actor={4}", e.type().wireName(),
                    e.outcome().name().toLowerCase(java.util.Locale.ROOT), who, e.ip(), e.actor());
        }
        if (tx != null) {
            try {
                tx.run(em -> em.persist(row(e)));
            } catch (RuntimeException ex) {
                SELF.log(Level.WARNING, "audit event " + e.type().wireName() + " " + e.id()
                        + " was logged but not stored: " + ex.getClass().getSimpleName());
            }
        }
        for (Consumer<SecurityEvent> l : listeners) {
            try {
                l.accept(e);
            } catch (RuntimeException ex) {
                SELF.log(Level.WARNING, "a security event listener failed on " + e.type().wireName() + ": " + ex);
            }
        }
    }

    private static AuditEventEntity row(SecurityEvent e) {
        AuditEventEntity r = new AuditEventEntity();
        r.id = e.id();
        r.occurredAt = e.occurredAt();
        r.type = e.type().wireName();
        r.outcome = e.outcome().name();
        r.userId = e.userId();
        r.actor = e.actor();
        r.sessionRef = e.sessionRef();
        r.tokenRef = e.tokenRef();
        r.ip = e.ip();
        r.userAgent = e.userAgent();
        r.details = e.details().isEmpty() ? null : DetailsJson.write(e.details(), MAX_DETAILS);
        return r;
    }

    /** The short reference to a session id kept in the trail: 16 of its 64 hex digits. */
    public static String sessionRef(String sessionId) {
        return sessionId == null ? null : sessionId.substring(0, Math.min(16, sessionId.length()));
    }

    /** One event being described. Not thread-safe; use it on one thread and record it once. */
    public final class Entry {
        private final EventType type;
        private final Outcome outcome;
        private String userId;
        private String actor;
        private String sessionRef;
        private String tokenRef;
        private String ip;
        private String userAgent;
        private final Map<String, String> details = new LinkedHashMap<>();

        private Entry(EventType type, Outcome outcome) {
            this.type = type;
            this.outcome = outcome;
        }

        /** The account it concerns; also the actor unless {@link #actor} says otherwise. */
        public Entry user(String id) {
            this.userId = id;
            return this;
        }

        public Entry actor(String id) {
            this.actor = id;
            return this;
        }

        /** The session, by its id (stored as {@link #sessionRef}). */
        public Entry session(String sessionId) {
            this.sessionRef = sessionRef(sessionId);
            return this;
        }

        public Entry token(String apiTokenId) {
            this.tokenRef = apiTokenId;
            return this;
        }

        public Entry client(String ip, String userAgent) {
            this.ip = clip(ip, 64);
            this.userAgent = clip(userAgent, 512);
            return this;
        }

        /**
         * A fact; null values are left out. Never pass a secret. Key {@code identifier} holds a
         * {@link Fingerprints} label for an identifier that may belong to no account.
         */
        public Entry detail(String key, Object value) {
            if (value != null) {
                details.put(key, clip(String.valueOf(value), 256));
            }
            return this;
        }

        public void record() {
            AuditTrail.this.record(new SecurityEvent(SecureTokens.newId(), Clocks.now(clock), type,
                    outcome, userId, actor != null ? actor : userId, sessionRef, tokenRef, ip, userAgent, details));
        }
    }

    /** Control characters removed, at most {@code max} characters; null stays null. */
    public static String clip(String s, int max) {
        if (s == null) {
            return null;
        }
        String cleaned = s.replaceAll("\\p{Cntrl}", "");
        return cleaned.length() <= max ? cleaned : cleaned.substring(0, max);
    }
}
