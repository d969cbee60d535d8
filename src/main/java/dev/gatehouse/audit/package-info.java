/**
 * The security event trail: what happened to which account, when, by whom and from where
 * ({@link dev.gatehouse.audit.SecurityEvent}), kept in the database.
 */
package dev.gatehouse.audit;
