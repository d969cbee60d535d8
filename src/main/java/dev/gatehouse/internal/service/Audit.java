package dev.gatehouse.internal.service;

import dev.gatehouse.internal.crypto.SecureTokens;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Security event log ({@code dev.gatehouse.audit}): event name, user id (the actor) or a fingerprint
 * of the identifier, and client IP. Never a password, token, cookie or hash. The logging framework adds
 * the UTC timestamp.
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

    /** A stable, non-reversible label for an identifier that may not belong to any account. */
    public static String fingerprint(String identifier) {
        return "id#" + SecureTokens.sha256Hex(identifier).substring(0, 12);
    }
}
