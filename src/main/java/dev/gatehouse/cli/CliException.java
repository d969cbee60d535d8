package dev.gatehouse.cli;

/** A command failed; {@link #exitCode()} is the process exit code and the message the one-line reason. */
final class CliException extends RuntimeException {

    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int FAILED = 1;

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
