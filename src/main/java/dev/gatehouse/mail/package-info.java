/**
 * Outgoing email: the {@link dev.gatehouse.mail.Mailer} seam an application may replace, the
 * {@link dev.gatehouse.mail.MailMessage} it sends, the built-in mailers (SMTP through Jakarta
 * Mail, and a dev outbox), and {@link dev.gatehouse.mail.AccountEmails}, the account emails
 * (reset and verification links, password-change notice) for an application's own pages.
 */
package dev.gatehouse.mail;
