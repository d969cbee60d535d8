/**
 * Security event logging and the keyed fingerprints that stand in for identifiers in it. Not API.
 */
package dev.gatehouse.internal.audit;
