/**
 * Gatehouse public API: the services an application calls, the value records they return, the
 * settings record and the exception hierarchy. Everything under {@code dev.gatehouse.internal}
 * is implementation and may change without notice.
 */
package dev.gatehouse;
