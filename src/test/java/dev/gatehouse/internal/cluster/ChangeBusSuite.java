package dev.gatehouse.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.DatabaseSuite;
import dev.gatehouse.config.DatabaseSettings;
import dev.gatehouse.internal.persistence.GatehousePersistenceUnit;
import dev.gatehouse.internal.persistence.Transactions;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bus between nodes, on each database (notify on PostgreSQL, poll elsewhere): a change travels only
 * when the transaction that published it commits, never to the node that published it, and a change that
 * commits after a later one still arrives.
 */
abstract class ChangeBusSuite extends DatabaseSuite {

    private final List<AutoCloseable> open = new ArrayList<>();
    private Transactions tx;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void openUnit() {
        EntityManagerFactory emf = GatehousePersistenceUnit.create(dataSource(), 5);
        open.add(emf::close);
        tx = new Transactions(emf);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private ChangeBus bus() {
        DatabaseSettings s = testSettings().cacheInvalidationPollMillis(50).build().database();
        ChangeBus bus = ChangeBuses.open(s, dataSource(), false, CLOCK);
        open.add(0, bus);
        return bus;
    }

    /** A node that listens, and waits until it demonstrably receives. */
    private ChangeBus listening() throws InterruptedException {
        ChangeBus sender = bus();
        ChangeBus node = bus();
        node.start(received::add);
        for (int i = 0; ; i++) { // the listener or poller starts on its own thread: probe until it hears
            tx.run(em -> sender.publish(em, "u:probe"));
            String got = received.poll(200, TimeUnit.MILLISECONDS);
            if (got != null) {
                while (received.poll(300, TimeUnit.MILLISECONDS) != null) {
                    // later probes
                }
                return node;
            }
            if (i > 50) {
                throw new AssertionError("the node never received a change");
            }
        }
    }

    private String next() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void aChangeOfARolledBackTransactionNeverArrives() throws Exception {
        ChangeBus node = listening();
        ChangeBus other = bus();
        assertThrows(IllegalStateException.class, () -> tx.run(em -> {
            other.publish(em, "u:rolled-back");
            throw new IllegalStateException("the change fails after it was published");
        }));
        tx.run(em -> other.publish(em, "u:committed"));
        assertEquals("u:committed", next());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
        node.close();
    }

    @Test
    void aNodeDoesNotReceiveWhatItPublished() throws Exception {
        ChangeBus node = listening();
        ChangeBus other = bus();
        tx.run(em -> node.publish(em, "u:mine"));
        tx.run(em -> other.publish(em, "u:theirs"));
        assertEquals("u:theirs", next());
        assertNull(received.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void aChangeThatCommitsAfterALaterOneStillArrives() throws Exception {
        listening();
        ChangeBus other = bus();
        CountDownLatch published = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> tx.run(em -> {
            other.publish(em, "u:slow"); // takes the lower id (poll) ...
            published.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        published.await(10, TimeUnit.SECONDS);
        tx.run(em -> other.publish(em, "u:fast")); // ... and commits after this one
        assertEquals("u:fast", next());
        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        assertEquals("u:slow", next());
    }
}
