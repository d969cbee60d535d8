package dev.gatehouse.mail;

import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.mfa.Factor;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The texts of {@link SecurityNotices}. Only facts Gatehouse chose are shown: the type, the time, the
 * client's address and user agent (cleaned and clipped) and a known factor or a parsed count, never a
 * detail value as recorded, so nothing planted in an event's details reaches a mailbox.
 */
final class NoticeTexts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_IP = 64;
    private static final int MAX_AGENT = 160;
    private static final String CHANGE_PASSWORD = "If this was not you, change your password now and contact support.";

    /** What one notice says: its subject, the sentence saying what happened, and what to do if it wasn't them. */
    record Notice(String subject, String happened, String ifNotYou, boolean showClient) {
    }

    private NoticeTexts() {
    }

    /** The notice {@code e} (a success concerning a user) calls for, or empty. */
    static Optional<Notice> of(SecurityEvent e) {
        return Optional.ofNullable(switch (e.type()) {
            case SIGN_IN, SIGN_IN_MFA -> "true".equals(e.details().get("newDevice")) ? newDevice() : null;
            case PASSWORD_CHANGED -> new Notice("Your password was changed",
                    "The password of your account was changed and every signed-in device was signed out.",
                    "If this was not you, reset your password now and contact support.", true);
            case PASSWORD_RESET -> new Notice("Your password was reset",
                    "The password of your account was reset with a link sent to this address; every signed-in device "
                            + "was signed out.",
                    "If this was not you, reset your password again now and contact support: someone may be able to "
                            + "read this mailbox.", true);
            case MFA_ENABLED -> new Notice("Two-factor sign-in was turned on",
                    "Two-factor sign-in was turned on for your account: signing in now also asks for a code from an "
                            + "authenticator app.", CHANGE_PASSWORD, true);
            case MFA_DISABLED -> new Notice("Two-factor sign-in was turned off",
                    "Two-factor sign-in was turned off for your account: signing in now needs only your password.",
                    "If this was not you, change your password now, turn two-factor sign-in back on and contact support.",
                    true);
            case MFA_RESET -> mfaReset(e);
            case RECOVERY_CODE_USED -> new Notice("A recovery code was used",
                    "A recovery code was used to sign in to your account." + remaining(e),
                    "If this was not you, change your password now and create new recovery codes: someone knows your "
                            + "password and had one of your codes.", true);
            case RECOVERY_CODES_REGENERATED -> new Notice("New recovery codes were issued",
                    "New recovery codes were issued for your account; the old ones no longer work.", CHANGE_PASSWORD, true);
            default -> null;
        });
    }

    /** The whole body: what happened, when and from where, {@code extra} (may be empty), what to do. */
    static String body(Notice n, SecurityEvent e, String extra) {
        StringBuilder b = new StringBuilder(n.happened()).append("\n\nWhen: ").append(WHEN.format(e.occurredAt())).append('\n');
        if (n.showClient()) {
            clean(e.ip(), MAX_IP).ifPresent(ip -> b.append("IP address: ").append(ip).append('\n'));
            clean(e.userAgent(), MAX_AGENT).ifPresent(ua -> b.append("Browser or app: ").append(ua).append('\n'));
        }
        if (e.type() == EventType.SIGN_IN_MFA) {
            Factor.fromWire(e.details().get("factor")).map(NoticeTexts::factorText)
                    .ifPresent(f -> b.append("Signed in with: ").append(f).append('\n'));
        }
        return b.append('\n').append(extra.isEmpty() ? "" : extra + "\n").append(n.ifNotYou()).append('\n').toString();
    }

    private static Notice newDevice() {
        return new Notice("New sign-in to your account",
                "Your account was signed in to from a device or browser it was not used from before.",
                "If this was you, there is nothing to do. If it was not, change your password now: that signs out "
                        + "every device.", true);
    }

    /** The administrator's own address and browser are theirs, not the user's: left out. */
    private static Notice mfaReset(SecurityEvent e) {
        String who = "cli".equals(e.actor()) ? "An administrator, on the command line," : "An administrator";
        return new Notice("Two-factor sign-in was removed from your account",
                who + " removed two-factor sign-in from your account: signing in now needs only your password, and "
                        + "your recovery codes no longer work.",
                "If you did not ask for this, contact support. You can turn two-factor sign-in on again in your "
                        + "account settings.", false);
    }

    private static String remaining(SecurityEvent e) {
        int n;
        try {
            n = Integer.parseInt(e.details().getOrDefault("remaining", ""));
        } catch (NumberFormatException ex) {
            return "";
        }
        if (n < 0) {
            return "";
        }
        return n == 0 ? " You have no recovery codes left: create new ones in your account settings."
                : n == 1 ? " You have 1 recovery code left." : " You have " + n + " recovery codes left.";
    }

    private static String factorText(Factor f) {
        return switch (f) {
            case PASSWORD -> "your password";
            case TOTP -> "your password and a code from your authenticator app";
            case RECOVERY_CODE -> "your password and a recovery code";
            case PASSKEY -> "a passkey";
            case OIDC -> "a sign-in provider";
        };
    }

    /** Without control, format or line-separator characters (no injected lines or reordered text), clipped. */
    static Optional<String> clean(String s, int max) {
        if (s == null) {
            return Optional.empty();
        }
        String c = s.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        if (c.length() <= max) {
            return Optional.of(c);
        }
        int end = Character.isHighSurrogate(c.charAt(max - 1)) ? max - 1 : max;
        return Optional.of(c.substring(0, end) + "...");
    }
}
