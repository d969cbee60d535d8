package dev.gatehouse.cli;

import static dev.gatehouse.cli.Output.map;

import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.SecurityEvent;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** {@code audit list}: its options read, and each event as one row (one line of text, or one JSON object). */
final class AuditListing {

    private AuditListing() {
    }

    /** Wire names ({@code role.granted}) to types. @throws CliException an unknown name */
    static Set<EventType> types(List<String> names) {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (String n : names) {
            types.add(EventType.fromWire(n.toLowerCase(Locale.ROOT)).orElseThrow(() -> new CliException(CliException.USAGE,
                    "unknown --type '" + n + "' (e.g. sign_in, role.granted, admin.action; see docs/AUDIT.md)")));
        }
        return types;
    }

    /** @throws CliException not an ISO-8601 UTC time */
    static Instant instant(String value, String flag) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new CliException(CliException.USAGE, flag + " must be an ISO-8601 UTC time such as 2026-03-01T10:00:00Z (got '"
                    + value + "')");
        }
    }

    /** The columns of one line, in order; the user agent is left out (free text would break the columns). */
    static Map<String, Object> row(SecurityEvent e) {
        return map("occurredAt", e.occurredAt().toString(), "type", e.type().wireName(),
                "outcome", e.outcome().name().toLowerCase(Locale.ROOT), "user", e.userId(), "actor", e.actor(),
                "ip", e.ip(), "session", e.sessionRef(), "token", e.tokenRef(), "details", new TreeMap<>(e.details()));
    }
}
