package dev.gatehouse.audit;

/** Whether the action an event records happened. */
public enum Outcome {
    /** It happened. */
    SUCCESS,
    /** It was attempted and refused: wrong credentials, a lock, a missing permission, a cross-site request. */
    FAILURE
}
