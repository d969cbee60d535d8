package dev.gatehouse.internal.crypto;

import dev.gatehouse.GatehouseUnavailableException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The hashing gate: {@code shared} slots for every caller, at most four waiters per slot (the rest
 * are refused at once as {@code overloaded}, so a credential-stuffing burst cannot park every
 * server thread here), and {@code reserved} slots that only trusted callers (a valid device
 * cookie) take, so an untrusted flood cannot starve them.
 */
public final class HashingLanes {

    private final Semaphore slots;
    private final Semaphore reserved;
    private final long waitMillis;
    private final int maxWaiting;
    private final AtomicInteger waiting = new AtomicInteger();

    public HashingLanes(int shared, int reserved, long waitMillis) {
        this.slots = new Semaphore(shared, true);
        this.reserved = new Semaphore(reserved, true);
        this.waitMillis = waitMillis;
        this.maxWaiting = 4 * shared;
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
                    throw new GatehouseUnavailableException("overloaded",
                            "Too many sign-ins at once; password hashing is saturated.", Math.max(1, waitMillis / 1000), null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatehouseUnavailableException("overloaded", "Interrupted while waiting to hash a password.", 1, e);
            }
            lane = reserved;
        }
        try {
            return work.get();
        } finally {
            lane.release();
        }
    }

    public <T> T untrusted(Supplier<T> work) {
        boolean acquired = slots.tryAcquire();
        if (!acquired) {
            if (waiting.incrementAndGet() > maxWaiting) {
                waiting.decrementAndGet();
                throw new GatehouseUnavailableException("overloaded",
                        "Too many sign-ins at once; password hashing is saturated.", 1, null);
            }
            try {
                acquired = slots.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatehouseUnavailableException("overloaded", "Interrupted while waiting to hash a password.", 1, e);
            } finally {
                waiting.decrementAndGet();
            }
        }
        if (!acquired) {
            throw new GatehouseUnavailableException("overloaded",
                    "Too many sign-ins at once; password hashing is saturated.", Math.max(1, waitMillis / 1000), null);
        }
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
