package dev.gatehouse.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.Health;
import dev.gatehouse.internal.crypto.HashingLanes;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hashing gauges and the saturation check follow the gate's real state: work that holds its
 * slot until released, so "busy" and "waiting" are facts, not timings.
 */
class HashingLoadTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    private void hold(HashingLanes lanes) {
        pool.submit(() -> lanes.untrusted(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "done";
        }));
    }

    @Test
    void gaugesCountBusySlotsAndWaitersAndAFullQueueIsSaturated() {
        HashingLanes lanes = new HashingLanes(1, 1, 60_000);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics metrics = MetricsSelector.select(registry);
        metrics.watchHashing(lanes);
        assertEquals(Health.Status.UP, HealthChecks.hashing(lanes).status());
        hold(lanes);
        while (lanes.slotsInUse() < 1) {
            Thread.onSpinWait();
        }
        assertEquals(1, registry.get("gatehouse.hashing.slots.active").gauge().value());
        for (int i = 0; i < lanes.waitingLimit() - 1; i++) {
            hold(lanes);
        }
        while (lanes.waiting() < lanes.waitingLimit() - 1) {
            Thread.onSpinWait();
        }
        assertEquals(lanes.waitingLimit() - 1, registry.get("gatehouse.hashing.slots.waiting").gauge().value());
        assertEquals(Health.Status.UP, HealthChecks.hashing(lanes).status(), "one more may still wait");
        hold(lanes);
        while (lanes.waiting() < lanes.waitingLimit()) {
            Thread.onSpinWait();
        }
        Health.Check saturated = HealthChecks.hashing(lanes);
        assertEquals(Health.Status.DOWN, saturated.status());
        assertTrue(saturated.detail().startsWith("saturated: 1 slots in use, 4 waiting (limit 4)"), saturated.detail());
        release.countDown();
        metrics.close();
        assertTrue(registry.find("gatehouse.hashing.slots.active").gauges().isEmpty());
    }
}
