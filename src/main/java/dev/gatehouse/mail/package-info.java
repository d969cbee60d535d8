/**
 * Outgoing email: the {@link dev.gatehouse.mail.Mailer} seam an application may replace, the
 * {@link dev.gatehouse.mail.MailMessage} it sends, the built-in mailers (SMTP through Jakarta
 * Mail, and a dev outbox), {@link dev.gatehouse.mail.AccountEmails}, the account emails
 * (reset, verification and email-change links, password-change and email-change notices) for an
 * application's own pages, and {@link dev.gatehouse.mail.SecurityNotices}, which mails owners on
 * security events.
 */
package dev.gatehouse.mail;
