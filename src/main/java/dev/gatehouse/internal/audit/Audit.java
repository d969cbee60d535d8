package dev.gatehouse.internal.audit;

import java.lang.System.Logger.Level;
import java.lang.System.Logger;

/**
 * Security event log ({@code dev.gatehouse.audit}): event name, user id (the actor) or a keyed
 * fingerprint of the identifier ({@link Fingerprints}), and client IP. Never a password, token,
 * cookie or hash. The logging framework adds the UTC timestamp.
 */
public final class Audit {

    private static final Logger LOG = System.getLogger("dev.gatehouse.audit");

    private Audit() {
    }

    public static void info(String event, String who, String ip) {
        if (LOG.isLoggable(Level.INFO)) {
            LOG.log(Level.INFO, "event={0} who={1} ip={2}", event, who, ip);
        }
    }

    public static void warn(String event, String who, String ip) {
        LOG.log(Level.WARNING, "event={0} who={1} ip={2}", event, who, ip);
    }
}
