package dev.gatehouse.internal.audit;

import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.Clocks;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events of changes made to an account by an administrator, the command line or the application
 * (role grants, account disable, …). Unlike {@link AuditTrail.Entry}, an unnamed actor stays null:
 * it is never taken for the account's owner, who did not grant themselves a role.
 */
public final class AdminEvents {

    private final AuditTrail trail;
    private final Clock clock;

    public AdminEvents(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    /**
     * Records a successful change; never throws.
     *
     * @param userId  the account changed, or null (a role definition)
     * @param actor   who changed it (an administrator's user id, {@code cli}), or null when not said
     * @param details key, value, key, value…; null values are left out. Never a secret.
     */
    public void record(EventType type, String userId, String actor, String... details) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i + 1 < details.length; i += 2) {
            if (details[i + 1] != null) {
                d.put(details[i], AuditTrail.clip(details[i + 1], 256));
            }
        }
        trail.record(new SecurityEvent(SecureTokens.newId(), Clocks.now(clock), type, Outcome.SUCCESS, userId,
                AuditTrail.clip(actor, 64), null, null, null, null, d));
    }
}
