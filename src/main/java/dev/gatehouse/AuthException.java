package dev.gatehouse;

import jakarta.ejb.ApplicationException;
import java.util.Objects;

/**
 * The root of everything a user or client can cause: each subtype stands for one {@link ErrorCode}
 * and its message is safe to show to the user. Infrastructure trouble is not an
 * {@code AuthException} but a {@link GatehouseUnavailableException} (503, never 401). Mistakes of
 * the calling programmer are {@link IllegalArgumentException}s, never shown to a client. Stack
 * traces are not collected: these are answers, not faults.
 *
 * <p>An Enterprise Beans application exception: thrown out of an EJB it reaches the caller as
 * itself, not wrapped in an {@code EJBException}, and the transaction rolls back. (The annotation is
 * ignored where no EJB container runs.)
 */
@ApplicationException(rollback = true)
public abstract class AuthException extends RuntimeException {

    private final ErrorCode code;

    protected AuthException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code, with its wire form and HTTP status. */
    public ErrorCode code() {
        return code;
    }
}
