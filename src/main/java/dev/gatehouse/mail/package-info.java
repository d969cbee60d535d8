/**
 * Outgoing email: the {@link dev.gatehouse.mail.Mailer} seam an application may replace, the
 * {@link dev.gatehouse.mail.MailMessage} it sends, and the built-in mailers (SMTP through Jakarta
 * Mail, and a dev outbox).
 */
package dev.gatehouse.mail;
