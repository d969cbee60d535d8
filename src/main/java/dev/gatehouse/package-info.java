/**
 * The entry points and what every capability shares: the {@link dev.gatehouse.Gatehouse} facade
 * (start, the services, housekeeping), the signed-in {@link dev.gatehouse.Caller}, the
 * {@link dev.gatehouse.User} record and the root of the exception hierarchy. Each capability has a
 * package of its own beside this one: {@code account}, {@code session}, {@code token} (single-use
 * links), {@code apitoken}, {@code role}, {@code ratelimit}, {@code mail}, {@code config} and
 * {@code web}. Everything under {@code dev.gatehouse.internal} is implementation and may change
 * without notice.
 */
package dev.gatehouse;
