package dev.gatehouse.internal.web.jaxrs;

import dev.gatehouse.Caller;
import dev.gatehouse.internal.cdi.CurrentCaller;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * The caller of the current request, as the CDI interceptors see it ({@link CurrentCaller}), so a
 * resource that is also a CDI bean gets the same answer from both. Looked up on first use: the
 * runtime may create providers before CDI is fully up.
 */
final class Callers {

    private volatile CurrentCaller current;

    Optional<Caller> get() {
        CurrentCaller c = current;
        if (c == null) {
            c = CDI.current().select(CurrentCaller.class).get();
            current = c;
        }
        return c.get();
    }
}
