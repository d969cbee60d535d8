/**
 * The database rate limiter behind {@code dev.gatehouse.ratelimit}, its deferred counts
 * and the address keys (IPv6 /64). Not API.
 */
package dev.gatehouse.internal.ratelimit;
