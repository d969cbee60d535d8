package dev.gatehouse.internal.metrics;

import java.util.function.Supplier;

/**
 * Where the services report what they did. Every method does nothing by default ({@link #NOOP});
 * {@code MicrometerMetrics} turns the calls into meters. Tag values come from fixed sets only,
 * never from a user id, an email or an address.
 */
public interface Metrics extends AutoCloseable {

    /** Reports nothing: Micrometer is absent. */
    Metrics NOOP = new Metrics() {
    };

    /** A sign-in attempt's outcome: {@code success} or the wire code of its refusal. */
    default void signIn(String result) {
    }

    /** An attempt refused by a consecutive-failure lock; {@code lock} is {@code account} or {@code device}. */
    default void lockout(String lock) {
    }

    /** A rate-limit refusal in the given scope (mapped to a fixed bucket name, never the key). */
    default void rateLimited(String scope) {
    }

    /** A sign-in attempt shed before any work because too many were in progress. */
    default void shed() {
    }

    default void sessionCreated() {
    }

    /** Sessions ended before their expiry; {@code reason} is {@code sign_out}, {@code revoked} or {@code cap}. */
    default void sessionsRevoked(String reason, int count) {
    }

    default void apiTokenCreated() {
    }

    default void apiTokensRevoked(int count) {
    }

    default void csrfRefused() {
    }

    /** Runs one password hash (or verification), timed. */
    default <T> T timeHashing(Supplier<T> work) {
        return work.get();
    }

    /** Runs one credential lookup ({@code session} or {@code api_token}), timed. */
    default <T> T timeCallerResolution(String credential, Supplier<T> work) {
        return work.get();
    }

    /** Publishes the hashing gate's load as gauges, until {@link #close()}. */
    default void watchHashing(HashingLoad load) {
    }

    /** Removes the gauges this instance registered; counters stay (other instances may share them). */
    @Override
    default void close() {
    }
}
