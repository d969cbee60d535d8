/**
 * The security event trail: what happened to which account, when, by whom and from where
 * ({@link dev.gatehouse.audit.SecurityEvent}), kept in the database and readable through
 * {@link dev.gatehouse.audit.AuditLog}. See {@code docs/AUDIT.md}.
 */
package dev.gatehouse.audit;
