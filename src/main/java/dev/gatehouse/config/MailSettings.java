package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.config.Checks.masked;

/**
 * The built-in SMTP mailer. {@link #toString()} hides {@code smtpPassword}; strict mode's STARTTLS
 * requirement is checked by {@link AuthSettings}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param smtpHost     SMTP server for the built-in mailer; null means the dev outbox (non-strict)
 * @param smtpPort     its port
 * @param smtpUser     user to authenticate as, or null
 * @param smtpPassword that user's password, or null
 * @param smtpStartTls whether to upgrade the connection with STARTTLS
 * @param mailFrom     the sender address
 */
public record MailSettings(
        String smtpHost,
        int smtpPort,
        String smtpUser,
        String smtpPassword,
        boolean smtpStartTls,
        String mailFrom) {

    public MailSettings {
        smtpHost = blankToNull(smtpHost);
        smtpUser = blankToNull(smtpUser);
        smtpPassword = blankToNull(smtpPassword);
        if (smtpPort < 1 || smtpPort > 65535) {
            fail("smtpPort must be between 1 and 65535 (got " + smtpPort + ")");
        }
        if (mailFrom == null || !mailFrom.contains("@")) {
            fail("mailFrom must be an email address (got '" + mailFrom + "')");
        }
    }

    /** The values, with {@code smtpPassword} as {@code ***}. */
    @Override
    public String toString() {
        return "MailSettings[smtpHost=" + smtpHost + ", smtpPort=" + smtpPort + ", smtpUser=" + smtpUser
                + ", smtpPassword=" + masked(smtpPassword) + ", smtpStartTls=" + smtpStartTls + ", mailFrom=" + mailFrom
                + "]";
    }
}
