package dev.gatehouse.cli;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.mail.Mailer;
import dev.gatehouse.mail.SmtpMailer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command line's mailer, for the security notices its commands cause (an MFA reset): the
 * application's SMTP server when {@code GATEHOUSE_SMTP_HOST} is set, else none (a send fails, and the
 * command says the notice was not sent). Counts what it handed to the server, so a command can tell.
 */
final class CliMailer implements Mailer, AutoCloseable {

    private final SmtpMailer smtp;
    private final AtomicInteger sent = new AtomicInteger();

    CliMailer(AuthSettings settings) {
        this.smtp = settings.mail().smtpHost() == null ? null : new SmtpMailer(settings);
    }

    @Override
    public void send(MailMessage message) {
        if (smtp == null) {
            throw new CliException(CliException.FAILED, "no SMTP server: set GATEHOUSE_SMTP_HOST");
        }
        smtp.send(message);
        sent.incrementAndGet();
    }

    /** True when an SMTP server is configured. */
    boolean configured() {
        return smtp != null;
    }

    /** Messages handed to the SMTP server so far. */
    int sent() {
        return sent.get();
    }

    /** Delivers what is queued (the process exits next), then stops. */
    @Override
    public void close() {
        if (smtp != null) {
            smtp.close();
        }
    }
}
