package dev.gatehouse.mail;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.MailSettings;

/**
 * Delivers Gatehouse's emails (reset links, verification links, change notifications). An
 * application may produce its own {@code @ForGatehouse Mailer}; otherwise Gatehouse uses SMTP
 * when {@link MailSettings#smtpHost()} is set, or an in-memory dev outbox when not strict.
 */
public interface Mailer {

    /** @throws GatehouseUnavailableException the message could not be handed to the mail server */
    void send(MailMessage message);
}
