package dev.gatehouse.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records what the {@code dev.gatehouse.audit} logger writes while open (whatever its level setting). */
public final class AuditCapture extends Handler implements AutoCloseable {

    private final Logger audit = Logger.getLogger("dev.gatehouse.audit");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    public AuditCapture() {
        audit.addHandler(this);
    }

    @Override
    public void publish(LogRecord r) {
        records.add(r);
    }

    /** Each record as the log line's text. */
    public List<String> lines() {
        return records.stream().map(r -> java.text.MessageFormat.format(r.getMessage(), r.getParameters())).toList();
    }

    /** The {@code who} of every event with this name. */
    public List<String> whoOf(String event) {
        return records.stream().filter(r -> r.getParameters() != null && event.equals(String.valueOf(r.getParameters()[0])))
                .map(r -> String.valueOf(r.getParameters()[r.getMessage().startsWith("event={0} outcome=") ? 2 : 1])).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        audit.removeHandler(this);
    }
}
