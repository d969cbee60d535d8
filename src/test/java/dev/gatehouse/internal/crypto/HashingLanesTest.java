package dev.gatehouse.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hasher's priority lane, with work that blocks until released, so "a slot is taken" is a
 * fact and not a timing: no assertion here depends on how long anything takes.
 */
class HashingLanesTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    /** Work that tells when it holds its slot and keeps it until the test releases it. */
    private Future<String> hold(HashingLanes lanes, boolean trusted, CountDownLatch holding) {
        return pool.submit(() -> {
            java.util.function.Supplier<String> work = () -> {
                holding.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "done";
            };
            return trusted ? lanes.trusted(work) : lanes.untrusted(work);
        });
    }

    @Test
    void anUntrustedFloodCannotTakeTheReservedSlot() throws Exception {
        HashingLanes lanes = new HashingLanes(1, 1, 50);
        CountDownLatch busy = new CountDownLatch(1);
        Future<String> first = hold(lanes, false, busy);
        busy.await(); // the one shared slot is taken
        // More untrusted callers than may wait: every one is refused, none runs on the free reserved slot.
        List<Future<String>> flood = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flood.add(pool.submit(() -> lanes.untrusted(() -> "ran")));
        }
        for (Future<String> f : flood) {
            Exception e = assertThrows(Exception.class, f::get);
            assertEquals(GatehouseUnavailableException.class, e.getCause().getClass());
        }
        // The reserved slot was free all along: a trusted caller runs at once, without waiting.
        assertEquals("trusted", lanes.trusted(() -> "trusted"));
        release.countDown();
        assertEquals("done", first.get());
    }

    @Test
    void aTrustedCallerTakesTheReservedSlotWhileSharedOnesAreBusyAndASharedOneWhenFree() throws Exception {
        HashingLanes lanes = new HashingLanes(1, 1, 50);
        assertEquals("free", lanes.trusted(() -> "free")); // nothing busy
        CountDownLatch shared = new CountDownLatch(1);
        hold(lanes, false, shared);
        shared.await();
        CountDownLatch reserved = new CountDownLatch(1);
        Future<String> trusted = hold(lanes, true, reserved);
        reserved.await(); // runs beside the untrusted one
        // Both lanes are now busy: an untrusted caller is refused, a second trusted one times out.
        assertThrows(GatehouseUnavailableException.class, () -> lanes.untrusted(() -> "no"));
        assertThrows(GatehouseUnavailableException.class, () -> lanes.trusted(() -> "no"));
        release.countDown();
        assertEquals("done", trusted.get());
    }

    @Test
    void underContentionAnUntrustedSlotRestsBeforeTheNextUntrustedHash() throws Exception {
        List<Runnable> rested = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> restNanos = new java.util.concurrent.CopyOnWriteArrayList<>();
        HashingLanes lanes = new HashingLanes(1, 1, 10_000, 50, (task, nanos) -> {
            rested.add(task);
            restNanos.add(nanos);
        });
        CountDownLatch busy = new CountDownLatch(1);
        Future<String> first = hold(lanes, false, busy);
        busy.await();
        CountDownLatch secondRan = new CountDownLatch(1);
        Future<String> second = pool.submit(() -> lanes.untrusted(() -> {
            secondRan.countDown();
            return "second";
        }));
        while (lanes.waiting() == 0) {
            Thread.onSpinWait();
        }
        release.countDown();
        assertEquals("done", first.get()); // the first caller has its answer...
        assertEquals(1, rested.size(), "...but its slot rests, as another caller was waiting");
        assertTrue(restNanos.get(0) > 0);
        assertEquals(1, secondRan.getCount(), "the waiting untrusted hash has not started");
        assertEquals("trusted", lanes.trusted(() -> "trusted"), "a trusted sign-in is not held by the rest");
        rested.get(0).run(); // the rest is over
        assertEquals("second", second.get());
        assertEquals(1, rested.size(), "nobody was waiting after the second: its slot is free at once");
    }

    @Test
    void withoutContentionNothingRests() {
        List<Runnable> rested = new ArrayList<>();
        HashingLanes lanes = new HashingLanes(1, 1, 50, 50, (task, nanos) -> rested.add(task));
        assertEquals("a", lanes.untrusted(() -> "a"));
        assertEquals("b", lanes.untrusted(() -> "b"));
        assertEquals(List.of(), rested);
    }
}
