package dev.gatehouse.internal.cluster;

import jakarta.persistence.EntityManager;
import java.util.function.Consumer;

/**
 * Carries cache changes between the nodes of one database. A change is a short key: {@code u:<user id>},
 * {@code s:<session id>}, {@code t:<API token hash>} or {@code *} (everything). It is published inside
 * the transaction that makes the change, so the other nodes get it only if, and once, that
 * transaction commits; a node never receives its own changes (it applied them after its commit).
 */
public interface ChangeBus extends AutoCloseable {

    /** A bus that carries nothing ({@code cacheInvalidation=off}, or a single node's tests). */
    ChangeBus NONE = new ChangeBus() {
        @Override
        public void publish(EntityManager em, String change) {
        }

        @Override
        public void start(Consumer<String> sink) {
        }

        @Override
        public String mode() {
            return "off";
        }

        @Override
        public void close() {
        }
    };

    /** Adds the change to the transaction open on {@code em}; it reaches the other nodes only if that commits. */
    void publish(EntityManager em, String change);

    /** Starts delivering the other nodes' changes to {@code sink} (on a daemon thread of the bus). */
    void start(Consumer<String> sink);

    /** {@code notify}, {@code poll} or {@code off}: what the node logs at start-up. */
    String mode();

    /** Stops receiving; safe to call twice. */
    @Override
    void close();
}
