package dev.gatehouse.internal.cluster;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

/**
 * Publishes on the database, whatever this node receives with: every change is a row of
 * {@code gatehouse_cache_changes} and, on PostgreSQL, also a {@code pg_notify}, so nodes that chose
 * differently (one listening, one polling because it cannot see PostgreSQL's driver) still hear each
 * other. The statement runs after the transaction's pending writes are flushed, so its row's id is
 * taken moments before the commit.
 */
final class SqlChangeBus implements ChangeBus {

    static final String CHANNEL = "gatehouse_cache";

    private final String nodeId;
    private final boolean postgres;
    private final Clock clock;
    private final Receiver receiver;

    SqlChangeBus(String nodeId, boolean postgres, Clock clock, Receiver receiver) {
        this.nodeId = nodeId;
        this.postgres = postgres;
        this.clock = clock;
        this.receiver = receiver;
    }

    @Override
    public void publish(EntityManager em, String change) {
        em.flush();
        if (postgres) {
            Changes.inTransaction(em, "SELECT pg_notify(?, ?)", ps -> {
                ps.setString(1, CHANNEL);
                ps.setString(2, nodeId + " " + change);
            });
        }
        Changes.inTransaction(em, "INSERT INTO gatehouse_cache_changes (node_id, change_key, created_at) VALUES (?, ?, ?)",
                ps -> {
                    ps.setString(1, nodeId);
                    ps.setString(2, change);
                    ps.setObject(3, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
                });
    }

    @Override
    public void start(Consumer<String> sink) {
        receiver.start(sink);
    }

    @Override
    public String mode() {
        return receiver.mode();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
