package dev.gatehouse.internal.password;

/** The breach corpus gave no usable answer; the message is a reason safe to log (no hash, no prefix). */
public final class BreachCorpusUnavailableException extends Exception {

    public BreachCorpusUnavailableException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }
}
