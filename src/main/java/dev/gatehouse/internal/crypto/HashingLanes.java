package dev.gatehouse.internal.crypto;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.metrics.HashingLoad;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The hashing gate: {@code shared} slots for every caller, at most four waiters per slot (the rest
 * are refused at once as {@code overloaded}, so a credential-stuffing burst cannot park every
 * server thread here), and {@code reserved} slots that only trusted callers (a valid device
 * cookie) take, so an untrusted flood cannot starve them. Under contention (callers waiting) an
 * untrusted hash's slot rests before it is free again, so untrusted hashing takes at most
 * {@code untrustedDutyPercent} of its slots' time: a flood then leaves CPU to trusted sign-ins and
 * to every other request. Without contention nothing rests.
 */
public final class HashingLanes implements HashingLoad {

    private final Semaphore slots;
    private final Semaphore reserved;
    private final int slotCount;
    private final long waitMillis;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();
    private final int dutyPercent;
    private final BiConsumer<Runnable, Long> later;

    public HashingLanes(int shared, int reserved, long waitMillis) {
        this(shared, reserved, waitMillis, 100, (task, nanos) -> task.run());
    }

    /**
     * @param untrustedDutyPercent share of its time an untrusted slot may hash under contention (100: no rest)
     * @param later                runs a task after a delay in nanoseconds (frees a rested slot)
     */
    public HashingLanes(int shared, int reserved, long waitMillis, int untrustedDutyPercent, BiConsumer<Runnable, Long> later) {
        this.slots = new Semaphore(shared, true);
        this.reserved = new Semaphore(reserved, true);
        this.slotCount = shared + reserved;
        this.waitMillis = waitMillis;
        this.maxWaiting = 4 * shared;
        this.dutyPercent = untrustedDutyPercent;
        this.later = later;
    }

    /** A shared scheduler on one daemon thread for rested slots. */
    public static BiConsumer<Runnable, Long> restScheduler() {
        return RestScheduler.INSTANCE::schedule;
    }

    private static final class RestScheduler {
        static final RestScheduler INSTANCE = new RestScheduler();
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gatehouse-hashing-rest");
            t.setDaemon(true);
            return t;
        });

        void schedule(Runnable task, long nanos) {
            executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * A free reserved slot, else a free shared one, else a wait for a reserved slot. The trusted
     * callers that can wait here are bounded by the service's trusted admission limit.
     */
    public <T> T trusted(Supplier<T> work) {
        Semaphore lane = reserved.tryAcquire() ? reserved : slots.tryAcquire() ? slots : null;
        if (lane == null) {
            try {
                if (!reserved.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw GatehouseUnavailableException.overloaded(
                            "Too many sign-ins at once; password hashing is saturated.", Math.max(1, waitMillis / 1000), null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GatehouseUnavailableException.overloaded("Interrupted while waiting to hash a password.", 1, e);
            }
            lane = reserved;
        }
        try {
            return work.get();
        } finally {
            lane.release();
        }
    }

    @Override
    public int slotsInUse() {
        return slotCount - slots.availablePermits() - reserved.availablePermits();
    }

    /** Callers waiting for a slot now: untrusted ones and trusted ones queued for a reserved slot. */
    @Override
    public int waiting() {
        return waiting.get() + reserved.getQueueLength();
    }

    @Override
    public int waitingLimit() {
        return maxWaiting;
    }

    public <T> T untrusted(Supplier<T> work) {
        boolean acquired = slots.tryAcquire();
        if (!acquired) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw GatehouseUnavailableException.overloaded(
                        "Too many sign-ins at once; password hashing is saturated.", 1, null);
            }
            try {
                acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw GatehouseUnavailableException.overloaded("Interrupted while waiting to hash a password.", 1, e);
            } finally {
                waiting.decrementAndGet();
            }
        }
        if (!acquired) {
            throw GatehouseUnavailableException.overloaded(
                    "Too many sign-ins at once; password hashing is saturated.", Math.max(1, waitMillis / 1000), null);
        }
        long started = System.nanoTime();
        try {
            return work.get();
        } finally {
            long rest = dutyPercent >= 100 ? 0 : (System.nanoTime() - started) * (100 - dutyPercent) / dutyPercent;
            if (rest > 0 && waiting.get() > 0) {
                later.accept(slots::release, rest); // the caller goes; its slot stays taken while it rests
            } else {
                slots.release();
            }
        }
    }
}
