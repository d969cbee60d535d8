package dev.gatehouse.example;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see the dev outbox (every reset and verification link the example "sent"): only in
 * non-strict mode, only when the library really uses the dev outbox, never when
 * {@code GATEHOUSE_DEV_OUTBOX=false}, and only to a caller whose socket address is loopback
 * ({@code X-Forwarded-For} is ignored: a proxy in front makes every caller look local, so do not
 * put one in front of a development server).
 */
@ApplicationScoped
public class DevOutbox {

    @Inject
    Mailer mailer;
    @Inject
    AuthSettings settings;

    /** The outbox, when this request may see it. */
    Optional<DevOutboxMailer> servedTo(HttpServletRequest req) {
        if (settings.strict() || Boolean.FALSE.equals(explicit()) || !isLoopback(req.getRemoteAddr())
                || !(mailer instanceof DevOutboxMailer outbox)) {
            return Optional.empty();
        }
        return Optional.of(outbox);
    }

    /**
     * Refuses a start-up that would expose the outbox: {@code GATEHOUSE_DEV_OUTBOX=true} together
     * with {@code GATEHOUSE_STRICT=true}, or the outbox in use (not strict, no SMTP host) on a
     * non-loopback {@code host} without {@code GATEHOUSE_DEV_OUTBOX=true}.
     *
     * @param host the address the server binds; null when unknown (a WAR in an application server)
     * @throws IllegalStateException saying what to change
     */
    static void checkStart(AuthSettings settings, String host) {
        Boolean explicit = explicit();
        if (settings.strict() && Boolean.TRUE.equals(explicit)) {
            throw new IllegalStateException("GATEHOUSE_DEV_OUTBOX=true cannot be used with GATEHOUSE_STRICT=true: the dev "
                    + "outbox shows every reset link. Set GATEHOUSE_SMTP_HOST to send real emails.");
        }
        boolean inUse = !settings.strict() && settings.mail().smtpHost() == null && !Boolean.FALSE.equals(explicit);
        if (inUse && host != null && !isLoopbackHost(host) && !Boolean.TRUE.equals(explicit)) {
            throw new IllegalStateException("The dev outbox (no GATEHOUSE_SMTP_HOST, GATEHOUSE_STRICT=false) would run on "
                    + "the non-loopback address " + host + ". Bind to 127.0.0.1 (HOST), set GATEHOUSE_SMTP_HOST, or set "
                    + "GATEHOUSE_DEV_OUTBOX=true to accept it (the outbox page still answers loopback callers only).");
        }
    }

    /** {@code GATEHOUSE_DEV_OUTBOX} (property {@code example.devOutbox}): true, false, or null when unset. */
    static Boolean explicit() {
        String v = System.getProperty("example.devOutbox", System.getenv("GATEHOUSE_DEV_OUTBOX"));
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalStateException("GATEHOUSE_DEV_OUTBOX must be true or false (got '" + v + "')");
        };
    }

    /** A socket address as the container reports it (a literal, IPv6 maybe in brackets): 127.0.0.0/8 or ::1. */
    static boolean isLoopback(String address) {
        if (address == null || !address.matches("\\[?[0-9A-Fa-f:.]+]?")) {
            return false; // not a literal: never resolve a name here
        }
        try {
            return InetAddress.getByName(address.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackHost(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
