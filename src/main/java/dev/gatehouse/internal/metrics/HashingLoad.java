package dev.gatehouse.internal.metrics;

/** The password-hashing gate's load right now. */
public interface HashingLoad {

    /** Slots hashing (or resting after an untrusted hash) now, shared and reserved. */
    int slotsInUse();

    /** Callers waiting for a slot now. */
    int waiting();

    /** How many may wait before further callers are refused as {@code overloaded}. */
    int waitingLimit();
}
