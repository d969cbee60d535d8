package dev.gatehouse.cli;

import java.io.IOException;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/** Where the command line's audit events go: one line each, {@code <UTC time> <LEVEL> audit event=... who=... ip=...}. */
final class AuditLines extends Formatter {

    private AuditLines() {
    }

    static Handler handler(String file) {
        Handler h;
        if (file == null) {
            h = new StreamHandler(System.err, new AuditLines()) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush(); // the process may exit right after the command
                }
            };
        } else {
            try {
                h = new FileHandler(file, true);
            } catch (IOException | RuntimeException e) {
                throw new CliException(CliException.USAGE, "cannot open --audit-log " + file + ": " + e.getMessage());
            }
            h.setFormatter(new AuditLines());
        }
        h.setLevel(Level.INFO);
        return h;
    }

    @Override
    public String format(LogRecord r) {
        return Instant.ofEpochMilli(r.getMillis()) + " " + r.getLevel().getName() + " audit " + formatMessage(r)
                + System.lineSeparator();
    }
}
