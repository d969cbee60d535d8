package dev.gatehouse.internal.cluster;

import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import org.hibernate.Session;

/** What the buses share: the node's id, and running a statement on the transaction's own connection. */
final class Changes {

    private Changes() {
    }

    /** A random id per started Gatehouse: a node skips the changes it published itself. */
    static String newNodeId() {
        byte[] b = new byte[8];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs one statement on the connection of the transaction open on {@code em}. */
    static void inTransaction(EntityManager em, String sql, Binder binder) {
        em.unwrap(Session.class).doWork((Connection c) -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.execute();
            }
        });
    }
}
