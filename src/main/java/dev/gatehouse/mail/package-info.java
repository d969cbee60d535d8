/** Built-in {@link dev.gatehouse.Mailer} implementations: SMTP through Jakarta Mail, and a dev outbox. */
package dev.gatehouse.mail;
