package dev.gatehouse.internal.cluster;

import java.util.function.Consumer;

/** How a node receives the other nodes' changes: listening (PostgreSQL) or polling the change table. */
interface Receiver extends AutoCloseable {

    /** Starts delivering the other nodes' changes to {@code sink} on a daemon thread. */
    void start(Consumer<String> sink);

    /** {@code notify} or {@code poll}. */
    String mode();

    @Override
    void close();
}
